package se.region.grantledger.core.rules;

import java.util.Map;

/** A value object refused to be built from what it was given (a bad organisation number, a negative amount). */
public class InvalidValue extends DomainException {

    public InvalidValue(String code, String message) {
        super(code, message, Map.of());
    }
}
