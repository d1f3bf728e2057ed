package se.region.grantledger.storage;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import se.region.grantledger.GrantLedgerApplication;
import se.region.grantledger.support.LedgerClient;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Stop the service and start it again on the same data directory: every event and every row is still there. */
class RestartKeepsEverythingIT {

    private static final String RECOVERY = """
            {"decisionDate":"2026-02-01","amount":1,"reason":"one krona paid for a cost not eligible"}""";

    @TempDir
    Path dataDirectory;

    @Test
    void restartingOnTheSameDataDirectoryKeepsEventsAndProjections() {
        String projectId;
        String requisition;
        List<Map<String, Object>> eventsBefore;
        List<Map<String, Object>> statusBefore;
        JsonNode viewBefore;
        LedgerClient.Response keyedRecovery;
        try (ConfigurableApplicationContext first = start()) {
            LedgerClient ledger = client(first);
            projectId = ledger.registerProject();
            ledger.decideGrant(projectId, LedgerClient.plan("500000", "400000", "100000"));
            requisition = ledger.submitRequisition(projectId, "{\"STAFF\":200000}");
            ledger.approve(projectId, requisition, "[]");
            assertThat(ledger.pay(projectId, requisition, "99999.99").status()).isEqualTo(200);
            keyedRecovery = ledger.as("attestant").post("/api/projects/" + projectId + "/recoveries", RECOVERY,
                    Map.of("Idempotency-Key", "recovery-before-restart"));
            assertThat(keyedRecovery.status()).isEqualTo(201);
            eventsBefore = events(first);
            statusBefore = status(first);
            viewBefore = ledger.get("/api/projects/" + projectId).body();
        }

        try (ConfigurableApplicationContext second = start()) {
            // 8 on the project; 4 frames allocated for the test years, the decision's reservation and the payment's draw
            assertThat(events(second)).isEqualTo(eventsBefore).hasSize(14);
            assertThat(status(second)).isEqualTo(statusBefore);
            LedgerClient ledger = client(second);
            assertThat(ledger.get("/api/projects/" + projectId).body()).isEqualTo(viewBefore);
            // idempotency keys are kept in PostgreSQL: the retry after the restart hears the first answer again
            LedgerClient.Response retried = ledger.as("attestant").post("/api/projects/" + projectId + "/recoveries",
                    RECOVERY, Map.of("Idempotency-Key", "recovery-before-restart"));
            assertThat(retried.raw()).isEqualTo(keyedRecovery.raw());
            assertThat(retried.headers().firstValue("Idempotent-Replayed")).contains("true");
            assertThat(events(second)).hasSize(14); // the replayed answer stored nothing new
            // and the ledger goes on where it stopped: the aggregate is rebuilt from the kept events
            assertThat(ledger.pay(projectId, requisition, "0.01").status()).isEqualTo(200);
            assertThat(ledger.get("/api/projects/" + projectId).body().get("paid").decimalValue())
                    .isEqualByComparingTo("100000.00");
        }
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(GrantLedgerApplication.class)
                .run("--server.port=0", "--ledger.embedded-postgres.data-directory=" + dataDirectory);
    }

    private static LedgerClient client(ConfigurableApplicationContext context) {
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        return new LedgerClient("http://localhost:" + port);
    }

    private static List<Map<String, Object>> events(ConfigurableApplicationContext context) {
        return context.getBean(JdbcTemplate.class).queryForList(
                "SELECT global_index, aggregate_identifier, sequence_number, payload_type, payload, meta_data, time_stamp "
                        + "FROM domain_event_entry ORDER BY global_index")
                .stream().map(row -> {
                    row.put("payload", new String((byte[]) row.get("payload")));
                    row.put("meta_data", new String((byte[]) row.get("meta_data")));
                    return row;
                }).toList();
    }

    private static List<Map<String, Object>> status(ConfigurableApplicationContext context) {
        return context.getBean(JdbcTemplate.class).queryForList("SELECT * FROM project_status ORDER BY project_id");
    }
}
