package se.region.grantledger.core.rules;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Base of every refusal the domain gives. It carries a stable code (the REST layer turns it into the
 * problem {@code type}) and the figures involved, so that a caller learns which rule was broken and by
 * how much, not merely that something failed.
 */
public abstract class DomainException extends RuntimeException {

    private final String code;
    private final Map<String, Object> figures;

    protected DomainException(String code, String message, Map<String, Object> figures) {
        super(message, null, false, false);
        this.code = code;
        this.figures = Collections.unmodifiableMap(new LinkedHashMap<>(figures));
    }

    /** Stable, machine-readable name of what went wrong, e.g. {@code cumulative-payments-within-grant}. */
    public String code() {
        return code;
    }

    /** The numbers behind the refusal, in the order a reader wants them. */
    public Map<String, Object> figures() {
        return figures;
    }
}
