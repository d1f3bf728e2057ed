package se.region.grantledger.core.model;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import se.region.grantledger.core.rules.InvalidValue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UndertakingIdsTest {

    @ParameterizedTest
    @ValueSource(strings = {"U-1", "sala.grupp_2024", "5560000001", "Eur", "REGIONAL_1_1-203", "a"})
    void plainIdsOutsideTheLedgersShapesAreAccepted(String id) {
        assertThat(UndertakingIds.check(id)).isEqualTo(id);
    }

    @ParameterizedTest
    @ValueSource(strings = {"EUR", "USD", "REGIONAL_1_1-2031", "TILLVAXTVERKET-2030", "X-1999"})
    void theShapesOfTheLedgersOwnStreamsAreReserved(String id) {
        assertThatThrownBy(() -> UndertakingIds.check(id)).isInstanceOf(InvalidValue.class)
                .hasMessageContaining("shape of the ledger's own ids");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a b", "-x", ".x", "a/b", "a\\b", "{x}", "<b>", "\u0000",
            "x12345678901234567890123456789012345678901234567890123456789012345"})
    void idsThatAreNotPlainAreRefused(String id) {
        assertThatThrownBy(() -> UndertakingIds.check(id)).isInstanceOf(InvalidValue.class)
                .hasMessageContaining("1 to 64 letters");
    }
}
