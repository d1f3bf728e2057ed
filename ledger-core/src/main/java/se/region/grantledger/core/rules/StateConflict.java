package se.region.grantledger.core.rules;

import java.util.Map;

/**
 * The command does not fit the case's current state (a grant decided twice, a payment on a closed project).
 * Unlike a {@link RuleViolation} the same command may be right at another time.
 */
public class StateConflict extends DomainException {

    private final Conflict conflict;

    public StateConflict(Conflict conflict, String message) {
        this(conflict, message, Map.of());
    }

    public StateConflict(Conflict conflict, String message, Map<String, Object> figures) {
        super(conflict.code(), message, figures);
        this.conflict = conflict;
    }

    public Conflict conflict() {
        return conflict;
    }
}
