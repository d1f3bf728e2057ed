package se.region.grantledger.core.model;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import se.region.grantledger.core.rules.InvalidValue;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MoneyTest {

    @Test
    void holdsKronorAsWholeOre() {
        assertThat(Money.ofSek("2500000").ore()).isEqualTo(250_000_000L);
        assertThat(Money.ofSek("0.01").ore()).isEqualTo(1);
        assertThat(Money.ofSek("12.50").sek()).isEqualByComparingTo("12.5");
    }

    @Test
    void refusesFractionsOfAnOre() {
        assertThatThrownBy(() -> Money.ofSek("1.005")).isInstanceOf(InvalidValue.class).hasMessageContaining("1.005");
        assertThat(Money.ofSek("1.500").ore()).isEqualTo(150); // trailing zeros are not fractions of an öre
    }

    @Test
    void aClientsAmountIsCappedButAStoredOneAlwaysLoads() {
        assertThat(Money.ofSekWithinCap(Money.MAX_SEK).sek()).isEqualByComparingTo(Money.MAX_SEK);
        assertThatThrownBy(() -> Money.ofSekWithinCap(new BigDecimal("1000000000000.01")))
                .isInstanceOf(InvalidValue.class).hasMessageContaining("at most 1000000000000 SEK");
        // an amount an older version accepted is still read from its event
        assertThat(Money.ofSek(new BigDecimal("92233720368547758")).ore()).isEqualTo(9223372036854775800L);
        assertThatThrownBy(() -> Money.ofSek(new BigDecimal("92233720368547758.08"))).isInstanceOf(InvalidValue.class);
    }

    @Test
    void sumsThatLeaveALongAreRefusedNotWrapped() {
        Money near = Money.ofOre(Long.MAX_VALUE - 5);
        assertThatThrownBy(() -> near.plus(Money.ofOre(6))).isInstanceOf(InvalidValue.class)
                .hasMessageContaining("more than the ledger can hold");
        assertThat(near.plus(Money.ofOre(5)).ore()).isEqualTo(Long.MAX_VALUE);
        assertThatThrownBy(() -> Euro.of(new BigDecimal("92233720368547758")).plus(Euro.of(new BigDecimal("1"))))
                .isInstanceOf(InvalidValue.class);
    }

    @Test
    void refusesNegativeAmounts() {
        assertThatThrownBy(() -> Money.ofSek("-0.01")).isInstanceOf(InvalidValue.class);
        assertThatThrownBy(() -> Money.ofSek("5").minus(Money.ofSek("6"))).isInstanceOf(ArithmeticException.class);
        assertThat(Money.ofSek("5").minusOrZero(Money.ofSek("6"))).isEqualTo(Money.ZERO);
    }

    @Test
    void aShareIsRoundedDownToTheOre() {
        // 1 000 000 × 2 500 000 / 16 055 000 = 155 714.730...
        Money share = Money.ofSek("1000000").timesFractionRoundedDown(Money.ofSek("2500000"), Money.ofSek("16055000"));
        assertThat(share).isEqualTo(Money.ofSek("155714.73"));
        assertThat(Money.ofSek("0.03").percentRoundedDown(50)).isEqualTo(Money.ofSek("0.01"));
    }

    @Test
    void largeAmountsDoNotOverflowInShares() {
        Money tenBillion = Money.ofSek("10000000000");
        assertThat(tenBillion.timesFractionRoundedDown(tenBillion, tenBillion)).isEqualTo(tenBillion);
    }

    @Test
    void readsAndWritesJsonAsExactKronor() throws Exception {
        ObjectMapper json = new ObjectMapper();
        assertThat(json.writeValueAsString(Money.ofSek("778573.65"))).isEqualTo("778573.65");
        assertThat(json.readValue("778573.65", Money.class)).isEqualTo(Money.ofOre(77_857_365));
        assertThat(json.readValue("0.1", Money.class).ore()).isEqualTo(10);
    }

    @Test
    void printsSwedishStyle() {
        assertThat(Money.ofSek("2500000")).hasToString("2 500 000 SEK");
        assertThat(Money.ofSek(new BigDecimal("1234.5"))).hasToString("1 234,50 SEK");
    }
}
