package se.region.grantledger.core.rules;

import java.time.LocalDate;

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
        return Text.check(value, field);
    }

    /** Business dates the ledger can mean: from 1900 to 2199; anything else is a typing error. */
    public static final LocalDate FIRST_DATE = LocalDate.of(1900, 1, 1);
    public static final LocalDate LAST_DATE = LocalDate.of(2199, 12, 31);

    public static LocalDate businessDate(LocalDate value, String field) {
        present(value, field);
        if (value.isBefore(FIRST_DATE) || value.isAfter(LAST_DATE)) {
            throw new InvalidValue("date-out-of-range", field + " must lie between " + FIRST_DATE + " and "
                    + LAST_DATE + ": " + value);
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
        return noneMissing(values, field);
    }

    /** A list may be absent, but an entry in it may not be. */
    public static <C extends Collection<?>> C noneMissing(C values, String field) {
        if (values != null && values.stream().anyMatch(java.util.Objects::isNull)) {
            throw new InvalidValue("missing-field", field + " has an empty entry");
        }
        return values;
    }

    /** A map may be absent, but none of its keys or amounts may be. */
    public static <M extends java.util.Map<?, ?>> M noneMissing(M values, String field) {
        if (values != null && values.entrySet().stream().anyMatch(e -> e.getKey() == null || e.getValue() == null)) {
            throw new InvalidValue("missing-field", field + " has an entry without a key or a value");
        }
        return values;
    }
}
