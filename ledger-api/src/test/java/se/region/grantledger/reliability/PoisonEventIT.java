package se.region.grantledger.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;
import se.region.grantledger.GrantLedgerApplication;
import se.region.grantledger.core.api.exchange.ExchangeRateRegistered;
import se.region.grantledger.infrastructure.projections.ProjectionSavepoints;
import se.region.grantledger.support.LedgerClient;
import se.region.grantledger.support.LedgerClient.Response;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An event a projection cannot apply (here a rate too large for the rate table's column, as an older version of
 * the rules might have let through) goes to the dead-letter queue, and the processor carries on with the events
 * after it; the good events around it in the same batch are applied once each (the batch ran straight, failed
 * whole, and was retried with a savepoint around each event, ProjectionSavepoints); readiness and a metric show the letter; an ADMIN lists and skips it, and readiness comes back.
 * Its own service and database: the poison is written behind the aggregates' back and must not meet other tests.
 */
class PoisonEventIT {

    @TempDir
    Path directory;

    @Test
    void aPoisonEventGoesToTheDeadLetterQueueAndTheProcessorCarriesOn() throws Exception {
        try (ConfigurableApplicationContext service = new SpringApplicationBuilder(GrantLedgerApplication.class)
                .run("--server.port=0", "--ledger.embedded-postgres.data-directory=" + directory.resolve("data"))) {
            LedgerClient ledger = new LedgerClient("http://localhost:"
                    + ((WebServerApplicationContext) service).getWebServer().getPort());
            EventStore events = service.getBean(EventStore.class);
            TransactionTemplate transaction = service.getBean(TransactionTemplate.class);

            // one transaction, so that the processor meets the poison between two good events in one batch
            transaction.executeWithoutResult(status -> events.publish(
                    rate("XPT", "9876.5"),
                    rate("XTS", "10000000000000"),
                    rate("XPD", "12345.25")));
            Response after = ledger.post("/api/exchange-rates",
                    "{\"currency\":\"XAU\",\"date\":\"2024-01-02\",\"sekPerUnit\":21000.5,\"source\":\"Riksbanken\"}");
            assertThat(after.status()).as("the events after the poison are applied: " + after.raw()).isEqualTo(201);

            JsonNode letters = eventually(() -> ledger.as("drift").get("/api/admin/dead-letters").body(), l -> l.size() == 1);
            org.springframework.jdbc.core.JdbcTemplate jdbc = service.getBean(org.springframework.jdbc.core.JdbcTemplate.class);
            assertThat(letters.size()).as("dead letters " + jdbc.queryForList("SELECT processing_group, sequence_identifier FROM dead_letter_entry")
                    + ", rates " + jdbc.queryForList("SELECT currency, sek_per_unit FROM exchange_rate")
                    + ", events " + jdbc.queryForList("SELECT aggregate_identifier, payload_type FROM domain_event_entry")).isEqualTo(1);
            assertThat(letters.get(0).get("processor").asText()).isEqualTo("reference-data");
            assertThat(letters.get(0).get("payloadType").asText()).endsWith("ExchangeRateRegistered");
            assertThat(letters.get(0).get("cause").asText()).containsIgnoringCase("numeric");
            assertThat(ledger.get("/actuator/health/readiness").status()).isEqualTo(503);
            assertThat(ledger.get("/actuator/health/liveness").status()).isEqualTo(200);
            assertThat(ledger.as("drift").get("/actuator/prometheus").raw())
                    .contains("ledger_projection_dead_letters{application=\"grant-ledger\",processor=\"reference-data\"} 1.0");

            assertThat(ledger.as("drift").post("/api/admin/dead-letters/reference-data/retry", "{}").body()
                    .get("stillWaiting").asLong()).as("a retry without a fix fails again").isEqualTo(1);
            assertThat(ledger.as("revisor").post("/api/admin/dead-letters/"
                    + letters.get(0).get("deadLetterId").asText() + "/skip", "{}").status()).isEqualTo(403);
            Response skipped = ledger.as("drift").post("/api/admin/dead-letters/"
                    + letters.get(0).get("deadLetterId").asText() + "/skip", "{}");
            assertThat(skipped.status()).as(skipped.raw()).isEqualTo(200);
            assertThat(ledger.as("drift").get("/api/admin/dead-letters").body()).isEmpty();
            assertThat(eventually(() -> ledger.get("/actuator/health/readiness").status(), status -> status == 200))
                    .isEqualTo(200);
            assertThat(ledger.get("/api/exchange-rates/XAU/2024-01-02").status()).isEqualTo(200);
            assertThat(ledger.get("/api/exchange-rates/XPT/2024-01-02").body().get("sekPerUnit").decimalValue())
                    .as("the good event before the poison, in the batch that was rolled back and retried")
                    .isEqualByComparingTo("9876.5");
            assertThat(ledger.get("/api/exchange-rates/XPD/2024-01-02").body().get("sekPerUnit").decimalValue())
                    .as("the good event after the poison, in the same batch").isEqualByComparingTo("12345.25");
            assertThat(jdbc.queryForObject("SELECT count(*) FROM exchange_rate", Long.class))
                    .as("each good rate once, the poison not at all").isEqualTo(3);
            assertThat(service.getBean(ProjectionSavepoints.class).retryingWithSavepoints("reference-data", 0))
                    .as("after the batch with savepoints committed, the segment's batches run straight again").isFalse();
        }
    }

    /** A rate as an older version of the rules might have stored it: the aggregate is not asked. */
    private static GenericDomainEventMessage<ExchangeRateRegistered> rate(String currency, String sekPerUnit) {
        return new GenericDomainEventMessage<>("ExchangeRates", currency, 0, new ExchangeRateRegistered(currency,
                LocalDate.of(2024, 1, 2), new BigDecimal(sekPerUnit), "an older rule let this through"));
    }

    private static <T> T eventually(Supplier<T> read, java.util.function.Predicate<T> done) throws InterruptedException {
        T value = read.get();
        for (int i = 0; i < 100 && !done.test(value); i++) {
            Thread.sleep(100);
            value = read.get();
        }
        return value;
    }
}
