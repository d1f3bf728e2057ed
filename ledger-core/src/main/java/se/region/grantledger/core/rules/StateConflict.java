package se.region.grantledger.core.rules;

import java.util.Map;

/**
 * The command does not fit the case's current state (a grant decided twice, a payment on a closed project).
 * Unlike a {@link RuleViolation} the same command may be right at another time.
 */
public class StateConflict extends DomainException {

    public StateConflict(String code, String message) {
        super(code, message, Map.of());
    }

    public StateConflict(String code, String message, Map<String, Object> figures) {
        super(code, message, figures);
    }
}
