package se.region.grantledger.core.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import se.region.grantledger.core.rules.InvalidValue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;

/**
 * An amount of euro held exactly as whole cents. The de minimis cap is written in euro, so aid is compared in
 * euro: each decision's kronor converted once, at its own date's rate ({@link #ofSekAt}), and stored so.
 */
public record Euro(long cents) implements Comparable<Euro> {

    public static final Euro ZERO = new Euro(0);

    public Euro {
        if (cents < 0) {
            throw new InvalidValue("negative-amount", "an amount cannot be negative: " + BigDecimal.valueOf(cents, 2) + " EUR");
        }
    }

    public static Euro ofEuros(long euros) {
        return new Euro(Math.multiplyExact(euros, 100L));
    }

    @JsonCreator
    public static Euro of(BigDecimal euros) {
        if (euros == null) {
            throw new InvalidValue("missing-amount", "an amount is required");
        }
        if (euros.stripTrailingZeros().scale() > 2) {
            throw new InvalidValue("fraction-of-cent", "a euro amount has at most two decimals: " + euros.toPlainString());
        }
        try {
            return new Euro(euros.movePointRight(2).longValueExact());
        } catch (ArithmeticException tooLarge) {
            throw new InvalidValue("amount-out-of-range", "amount out of range: " + euros.toPlainString());
        }
    }

    /** An amount as a client sends it: at most as many euro as {@link Money#MAX_SEK} is kronor (stored ones uncapped). */
    public static Euro ofWithinCap(BigDecimal euros) {
        if (euros != null && euros.abs().compareTo(Money.MAX_SEK) > 0) {
            throw new InvalidValue("amount-out-of-range", "a euro amount is at most " + Money.MAX_SEK.toPlainString()
                    + " EUR: " + euros.toPlainString());
        }
        return of(euros);
    }

    /**
     * Kronor converted at a rate of kronor per euro, rounded half up to the cent (docs/adr/0009): neither in
     * the company's favour nor against it.
     */
    public static Euro ofSekAt(Money amount, BigDecimal sekPerEuro) {
        return of(amount.sek().divide(sekPerEuro, 2, RoundingMode.HALF_UP));
    }

    public static Euro sum(Collection<Euro> amounts) {
        return amounts.stream().reduce(ZERO, Euro::plus);
    }

    @JsonValue
    public BigDecimal euros() {
        return BigDecimal.valueOf(cents, 2);
    }

    public Euro plus(Euro other) {
        try {
            return new Euro(Math.addExact(cents, other.cents));
        } catch (ArithmeticException overflow) {
            throw new InvalidValue("amount-out-of-range", "the amounts add up to more than the ledger can hold");
        }
    }

    public Euro minusOrZero(Euro other) {
        return other.cents >= cents ? ZERO : new Euro(cents - other.cents);
    }

    public boolean isGreaterThan(Euro other) {
        return cents > other.cents;
    }

    @Override
    public int compareTo(Euro other) {
        return Long.compare(cents, other.cents);
    }

    /** As in messages: {@code 300 000 EUR}, {@code 1 234,56 EUR}. */
    @Override
    public String toString() {
        return AmountFormat.swedish(euros(), "EUR");
    }
}
