package se.region.grantledger.core.exchange;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.region.grantledger.core.api.exchange.ExchangeRateRegistered;
import se.region.grantledger.core.api.exchange.RegisterExchangeRate;
import se.region.grantledger.core.rules.InvalidValue;
import se.region.grantledger.core.rules.StateConflict;

import java.math.BigDecimal;
import java.time.LocalDate;

class ExchangeRatesTest {

    private static final LocalDate DAY = LocalDate.of(2025, 3, 20);
    private AggregateTestFixture<ExchangeRates> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ExchangeRates.class);
    }

    private static RegisterExchangeRate register(LocalDate date, String rate) {
        return new RegisterExchangeRate("EUR", date, new BigDecimal(rate), "Riksbanken");
    }

    @Test
    void theFirstRateOfACurrencyStartsItsStream() {
        fixture.givenNoPriorActivity()
                .when(register(DAY, "10.956000"))
                .expectEvents(new ExchangeRateRegistered("EUR", DAY, new BigDecimal("10.956000"), "Riksbanken"));
    }

    @Test
    void eachDayHasItsOwnRate() {
        fixture.given(new ExchangeRateRegistered("EUR", DAY, new BigDecimal("10.956"), "Riksbanken"))
                .when(register(DAY.plusDays(1), "10.9"))
                .expectEvents(new ExchangeRateRegistered("EUR", DAY.plusDays(1), new BigDecimal("10.9"), "Riksbanken"));
    }

    @Test
    void aDaysRateIsRegisteredOnce() {
        fixture.given(new ExchangeRateRegistered("EUR", DAY, new BigDecimal("10.956"), "Riksbanken"))
                .when(register(DAY, "11"))
                .expectException(StateConflict.class)
                .expectNoEvents();
    }

    @Test
    void aRateHasAtMostSixDecimals() {
        fixture.givenNoPriorActivity().when(register(DAY, "10.123456")).expectSuccessfulHandlerExecution();
        fixture.givenNoPriorActivity().when(register(DAY, "10.1234567"))
                .expectException(InvalidValue.class).expectNoEvents();
    }

    @Test
    void aRateIsAboveZero() {
        fixture.givenNoPriorActivity().when(register(DAY, "0")).expectException(InvalidValue.class).expectNoEvents();
        fixture.givenNoPriorActivity().when(register(DAY, "-1")).expectException(InvalidValue.class).expectNoEvents();
    }

    @Test
    void theKronaIsNotRegisteredAgainstItself() {
        fixture.givenNoPriorActivity()
                .when(new RegisterExchangeRate("SEK", DAY, BigDecimal.ONE, "x"))
                .expectException(InvalidValue.class)
                .expectNoEvents();
    }
}
