package se.region.grantledger.core.rules;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import se.region.grantledger.core.model.Money;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What the ledger takes in, on generated values: text is either stored as given or refused with InvalidValue,
 * and what is stored holds no control character but tab and line breaks and no lone surrogate; an amount is
 * either exact to the öre or refused, and a sum is either exact or refused, never wrapped.
 */
class StorableValuesProperties {

    @Property(tries = 2000)
    void textIsStoredAsGivenOrRefusedWithAReason(@ForAll("anyText") String text) {
        String stored;
        try {
            stored = Text.check(text, "field");
        } catch (InvalidValue refused) {
            assertThat(refused.getMessage()).startsWith("field ");
            return;
        }
        assertThat(stored).isSameAs(text);
        assertThat(stored.length()).isLessThanOrEqualTo(Text.MAX_LENGTH);
        assertThat(stored.codePoints()).allMatch(c -> !Character.isISOControl(c) || c == '\t' || c == '\n' || c == '\r');
        assertThat(stored.codePoints()).noneMatch(c -> c >= 0xD800 && c <= 0xDFFF);
    }

    @Provide
    Arbitrary<String> anyText() {
        return Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(40),
                Arbitraries.strings().withCharRange('\u0000', '\u001f').ofMaxLength(5),
                Arbitraries.strings().withCharRange('\ud800', '\udfff').ofMaxLength(4),
                Arbitraries.strings().alpha().ofMinLength(Text.MAX_LENGTH - 2).ofMaxLength(Text.MAX_LENGTH + 2));
    }

    @Property(tries = 2000)
    void anAmountIsExactToTheOreOrRefused(@ForAll("amounts") BigDecimal kronor) {
        Money money;
        try {
            money = Money.ofSekWithinCap(kronor);
        } catch (InvalidValue refused) {
            assertThat(kronor.signum() < 0 || kronor.stripTrailingZeros().scale() > 2
                    || kronor.abs().compareTo(Money.MAX_SEK) > 0).as(kronor + ": " + refused.getMessage()).isTrue();
            return;
        }
        assertThat(money.sek()).isEqualByComparingTo(kronor);
    }

    @Provide
    Arbitrary<BigDecimal> amounts() {
        return Arbitraries.oneOf(
                Arbitraries.bigDecimals().between(new BigDecimal("-1000"), new BigDecimal("2000000000000")).ofScale(2),
                Arbitraries.bigDecimals().between(BigDecimal.ZERO, BigDecimal.TEN).ofScale(4),
                Arbitraries.of(new BigDecimal("1E400"), new BigDecimal("92233720368547758.07"), Money.MAX_SEK,
                        Money.MAX_SEK.add(new BigDecimal("0.01")), new BigDecimal("-0.00")));
    }

    @Property(tries = 2000)
    void aSumIsExactOrRefusedNeverWrapped(@ForAll("ore") long a, @ForAll("ore") long b) {
        BigDecimal exact = BigDecimal.valueOf(a).add(BigDecimal.valueOf(b));
        if (exact.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
            assertThatThrownBy(() -> Money.ofOre(a).plus(Money.ofOre(b))).isInstanceOf(InvalidValue.class);
        } else {
            assertThat(Money.ofOre(a).plus(Money.ofOre(b)).ore()).isEqualTo(exact.longValueExact());
        }
    }

    @Provide
    Arbitrary<Long> ore() {
        return Arbitraries.oneOf(Arbitraries.longs().between(0, Long.MAX_VALUE),
                Arbitraries.longs().between(Long.MAX_VALUE - 1000, Long.MAX_VALUE), Arbitraries.longs().between(0, 1000));
    }
}
