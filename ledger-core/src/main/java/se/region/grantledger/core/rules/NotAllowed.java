package se.region.grantledger.core.rules;

import java.util.Map;

/** The person behind the command may not do this (not signed in, or lacking the role the step needs). */
public class NotAllowed extends DomainException {

    public NotAllowed(String code, String message) {
        super(code, message, Map.of());
    }
}
