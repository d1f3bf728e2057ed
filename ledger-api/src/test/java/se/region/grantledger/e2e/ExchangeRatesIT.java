package se.region.grantledger.e2e;

import org.junit.jupiter.api.Test;
import se.region.grantledger.support.LedgerClient;
import se.region.grantledger.support.LedgerClient.Response;
import se.region.grantledger.support.LedgerIntegrationTest;

import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Registering and reading exchange rates over HTTP; a day's rate is registered once and never changed. */
class ExchangeRatesIT extends LedgerIntegrationTest {

    /** The test database is new for each run; days from 1990 on are this class's alone, one per call. */
    private static final AtomicInteger NEXT_DAY = new AtomicInteger();

    private static LocalDate freshDay() {
        return LocalDate.of(1990, 1, 1).plusDays(NEXT_DAY.getAndIncrement());
    }

    private static String rate(LocalDate day, String sekPerUnit) {
        return "{\"currency\":\"EUR\",\"date\":\"" + day + "\",\"sekPerUnit\":" + sekPerUnit + ",\"source\":\"Riksbanken\"}";
    }

    @Test
    void aRegisteredRateCanBeReadBack() {
        LedgerClient officer = ledger.as("handlaggare");
        LocalDate day = freshDay();
        Response registered = officer.post("/api/exchange-rates", rate(day, "10.956"));
        assertThat(registered.status()).as(registered.raw()).isEqualTo(201);
        assertThat(registered.body().get("sekPerUnit").decimalValue()).isEqualByComparingTo("10.956");

        Response read = ledger.as("rapport").get("/api/exchange-rates/EUR/" + day);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.body().get("sekPerUnit").decimalValue()).isEqualByComparingTo("10.956");
        Response listed = ledger.as("revisor").get("/api/exchange-rates?currency=EUR&from=" + day + "&to=" + day);
        assertThat(listed.raw()).contains(day.toString());
    }

    @Test
    void aDaysRateIsRegisteredOnceAndTheSecondChangesNothing() {
        LedgerClient officer = ledger.as("handlaggare");
        LocalDate day = freshDay();
        officer.post("/api/exchange-rates", rate(day, "11.2"));
        long events = storedEventCount();
        Response second = officer.post("/api/exchange-rates", rate(day, "11.3"));
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.problemType()).isEqualTo("urn:grant-ledger:conflict:exchange-rate-already-registered");
        assertThat(storedEventCount()).isEqualTo(events);
        assertThat(ledger.get("/api/exchange-rates/EUR/" + day).body().get("sekPerUnit").decimalValue())
                .isEqualByComparingTo("11.2");
    }

    @Test
    void invalidRatesAreRefused() {
        LedgerClient officer = ledger.as("handlaggare");
        long events = storedEventCount();
        assertThat(officer.post("/api/exchange-rates", rate(freshDay(), "0")).status()).isEqualTo(400);
        assertThat(officer.post("/api/exchange-rates", rate(freshDay(), "10.1234567")).status()).isEqualTo(400);
        assertThat(officer.post("/api/exchange-rates", "{\"currency\":\"SEK\",\"date\":\"2025-01-02\",\"sekPerUnit\":1,"
                + "\"source\":\"x\"}").status()).isEqualTo(400);
        assertThat(storedEventCount()).isEqualTo(events);
    }

    @Test
    void anUnregisteredDayIsNotFound() {
        Response response = ledger.get("/api/exchange-rates/EUR/1899-12-31");
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }
}
