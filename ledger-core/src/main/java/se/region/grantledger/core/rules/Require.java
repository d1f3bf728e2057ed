package se.region.grantledger.core.rules;

import se.region.grantledger.core.model.Money;

import java.util.Collection;

/**
 * Presence checks for command fields. The REST layer validates too, but commands can arrive by other routes
 * (tests, future integrations), so the aggregate never trusts that someone else checked.
 */
public final class Require {

    private Require() {
    }

    public static <T> T present(T value, String field) {
        if (value == null) {
            throw new InvalidValue("missing-field", field + " is required");
        }
        return value;
    }

    public static String text(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new InvalidValue("missing-field", field + " is required");
        }
        return value;
    }

    public static Money positive(Money amount, String field) {
        present(amount, field);
        if (amount.isZero()) {
            throw new InvalidValue("zero-amount", field + " must be above zero");
        }
        return amount;
    }

    public static <C extends Collection<?>> C notEmpty(C values, String field) {
        if (values == null || values.isEmpty()) {
            throw new InvalidValue("missing-field", field + " needs at least one entry");
        }
        return values;
    }
}
