package se.region.grantledger.core.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import se.region.grantledger.core.rules.InvalidValue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Collection;

/**
 * An amount of Swedish kronor, held exactly as a whole number of öre. Never negative: a debt or a refund is
 * its own event with its own positive amount. In JSON it is a plain number of kronor with at most two
 * decimals ({@code 2500000.00}), parsed and written without ever passing through a {@code double}.
 */
public record Money(long ore) implements Comparable<Money> {

    public static final Money ZERO = new Money(0);
    /**
     * The largest single amount the ledger takes in: a thousand billion kronor, far above any appropriation, and
     * small enough that sums of many amounts stay far inside a {@code long} of öre.
     */
    public static final BigDecimal MAX_SEK = new BigDecimal("1000000000000");
    private static final int ORE_PER_KRONA_SCALE = 2;

    public Money {
        if (ore < 0) {
            throw new InvalidValue("negative-amount", "an amount cannot be negative: " + BigDecimal.valueOf(ore, 2) + " SEK");
        }
    }

    public static Money ofOre(long ore) {
        return new Money(ore);
    }

    public static Money ofKronor(long kronor) {
        return new Money(Math.multiplyExact(kronor, 100L));
    }

    /** Parses kronor with at most two decimals; refuses fractions of an öre rather than rounding them away. */
    @JsonCreator
    public static Money ofSek(BigDecimal kronor) {
        if (kronor == null) {
            throw new InvalidValue("missing-amount", "an amount is required");
        }
        if (kronor.stripTrailingZeros().scale() > ORE_PER_KRONA_SCALE) {
            throw new InvalidValue("fraction-of-ore", "an amount has at most two decimals (whole öre): " + kronor.toPlainString());
        }
        try {
            return new Money(kronor.movePointRight(ORE_PER_KRONA_SCALE).longValueExact());
        } catch (ArithmeticException tooLarge) {
            throw new InvalidValue("amount-out-of-range", "amount out of range: " + kronor.toPlainString());
        }
    }

    /**
     * An amount as a client sends it: {@link #ofSek(BigDecimal)}, and at most {@link #MAX_SEK}. Stored events are
     * read without the cap, so that nothing once recorded ever fails to load.
     */
    public static Money ofSekWithinCap(BigDecimal kronor) {
        if (kronor != null && kronor.abs().compareTo(MAX_SEK) > 0) {
            throw new InvalidValue("amount-out-of-range", "an amount is at most " + MAX_SEK.toPlainString()
                    + " SEK: " + kronor.toPlainString());
        }
        return ofSek(kronor);
    }

    public static Money ofSek(String kronor) {
        return ofSek(new BigDecimal(kronor));
    }

    public static Money sum(Collection<Money> amounts) {
        return amounts.stream().reduce(ZERO, Money::plus);
    }

    @JsonValue
    public BigDecimal sek() {
        return BigDecimal.valueOf(ore, ORE_PER_KRONA_SCALE);
    }

    /** @throws InvalidValue if the sum leaves the range of a long: many amounts near the maximum added up */
    public Money plus(Money other) {
        try {
            return new Money(Math.addExact(ore, other.ore));
        } catch (ArithmeticException overflow) {
            throw new InvalidValue("amount-out-of-range", "the amounts add up to more than the ledger can hold");
        }
    }

    /** Subtraction that must not go below zero; callers check first, so a negative result is a bug. */
    public Money minus(Money other) {
        if (other.ore > ore) {
            throw new ArithmeticException(this + " minus " + other + " would be negative");
        }
        return new Money(ore - other.ore);
    }

    /** What is left of this after taking {@code other}, or zero when other is larger. */
    public Money minusOrZero(Money other) {
        return other.ore >= ore ? ZERO : new Money(ore - other.ore);
    }

    /**
     * This amount times {@code numerator / denominator}, rounded down to the öre: a share paid out of public
     * funds is never rounded up. Computed in BigInteger because öre times öre overflows a long.
     */
    public Money timesFractionRoundedDown(Money numerator, Money denominator) {
        if (denominator.ore == 0) {
            return ZERO;
        }
        BigInteger product = BigInteger.valueOf(ore).multiply(BigInteger.valueOf(numerator.ore));
        return new Money(product.divide(BigInteger.valueOf(denominator.ore)).longValueExact());
    }

    /** This amount times {@code percent / 100}, rounded down to the öre. */
    public Money percentRoundedDown(int percent) {
        return new Money(BigDecimal.valueOf(ore).multiply(BigDecimal.valueOf(percent))
                .divide(BigDecimal.valueOf(100), 0, RoundingMode.DOWN).longValueExact());
    }

    public boolean isGreaterThan(Money other) {
        return ore > other.ore;
    }

    public boolean isZero() {
        return ore == 0;
    }

    public Money min(Money other) {
        return ore <= other.ore ? this : other;
    }

    @Override
    public int compareTo(Money other) {
        return Long.compare(ore, other.ore);
    }

    /** Swedish-style for messages: {@code 2 500 000 SEK}, {@code 1 234,50 SEK}. */
    @Override
    public String toString() {
        return AmountFormat.swedish(sek(), "SEK");
    }
}
