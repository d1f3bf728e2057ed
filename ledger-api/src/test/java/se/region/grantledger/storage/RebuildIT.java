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
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A rebuild reproduces every projection exactly: a checksum over every row of every projection table is the same
 * before and after POST /api/admin/projections/rebuild, even when rows were damaged in between (so the tables are
 * truly recomputed from the events), and while the rebuild runs the reports say so (503) instead of serving
 * partial figures. On a service of its own, so the rest of the suite never sees a rebuild.
 */
class RebuildIT {

    /** Tables that are not projections: the event store, Axon's own, and claims made inside commands. */
    private static final List<String> NOT_PROJECTIONS = List.of("domain_event_entry", "snapshot_event_entry",
            "token_entry", "dead_letter_entry", "project_diary_number", "idempotency_key", "undertaking_member",
            "flyway_schema_history");

    @TempDir
    Path dataDirectory;

    @Test
    void aRebuildReproducesEveryProjectionTableExactly() throws Exception {
        try (ConfigurableApplicationContext service = new SpringApplicationBuilder(GrantLedgerApplication.class)
                .run("--server.port=0", "--ledger.embedded-postgres.data-directory=" + dataDirectory)) {
            LedgerClient ledger = new LedgerClient("http://localhost:"
                    + ((WebServerApplicationContext) service).getWebServer().getPort());
            JdbcTemplate jdbc = service.getBean(JdbcTemplate.class);
            enterSomeHistory(ledger);

            Map<String, String> before = settledChecksums(jdbc, ledger);
            assertThat(before).containsKeys("project_status", "support_case_status", "appropriation_status",
                    "de_minimis_aid", "report_payment", "exchange_rate");
            assertThat(before.get("report_payment")).doesNotStartWith("0:");

            // damage the read models, as a bug or a hand-edit would: the rebuild must recompute them from the events
            jdbc.update("UPDATE project_status SET paid_ore = 0");
            jdbc.update("DELETE FROM report_payment WHERE support_type = 'BUSINESS_SUPPORT'");
            jdbc.update("UPDATE appropriation_status SET frame_ore = 1");
            assertThat(checksums(jdbc)).isNotEqualTo(before);

            for (String notAdmin : List.of("handlaggare", "attestant", "revisor", "rapport")) {
                assertThat(ledger.as(notAdmin).post("/api/admin/projections/rebuild", "{}").status()).isEqualTo(403);
            }
            assertThat(ledger.anonymous().post("/api/admin/projections/rebuild", "{}").status()).isEqualTo(401);
            LedgerClient.Response started = ledger.as("drift").post("/api/admin/projections/rebuild", "{}");
            assertThat(started.status()).isEqualTo(202);
            assertThat(started.body().get("rebuilding").asBoolean()).isTrue();
            LedgerClient.Response during = ledger.as("rapport").get("/api/reports/disbursements?year=2025");
            assertThat(during.status()).isEqualTo(503);
            assertThat(during.problemType()).isEqualTo("urn:grant-ledger:rebuilding");

            awaitRebuilt(ledger);
            assertThat(settledChecksums(jdbc, ledger)).isEqualTo(before);
            assertThat(ledger.as("rapport").get("/api/reports/disbursements?year=2025").status()).isEqualTo(200);
        }
    }

    private static void enterSomeHistory(LedgerClient ledger) {
        for (int i = 0; i < 3; i++) {
            String project = ledger.registerProject();
            ledger.decideGrant(project, LedgerClient.plan("500000", "400000", "100000"));
            String requisition = ledger.submitRequisition(project, "{\"STAFF\":200000}");
            ledger.approve(project, requisition, "[]");
            assertThat(ledger.pay(project, requisition, "100000").status()).isEqualTo(200);
        }
        String support = ledger.decidedBusinessSupport("55000");
        String payment = ledger.as("handlaggare").ok("/api/business-supports/" + support + "/payments",
                "{\"amount\":55000,\"paymentDate\":\"2025-09-01\",\"paymentReference\":\"UB\"}").get("id").asText();
        ledger.as("attestant2").ok("/api/business-supports/" + support + "/payments/" + payment + "/attestation", "{}");
        ledger.decidedCommercialService("20000");
    }

    /** Checksums once every processor has reached the newest event and two readings agree. */
    private static Map<String, String> settledChecksums(JdbcTemplate jdbc, LedgerClient ledger) throws InterruptedException {
        Map<String, String> previous = null;
        for (int attempt = 0; attempt < 200; attempt++) {
            JsonNode progress = ledger.as("drift").get("/api/admin/projections").body();
            Map<String, String> now = checksums(jdbc);
            if (!progress.get("rebuilding").asBoolean() && progress.get("processed").asLong() == progress.get("total").asLong()
                    && now.equals(previous)) {
                return now;
            }
            previous = now;
            Thread.sleep(300);
        }
        throw new AssertionError("the projections never settled");
    }

    private static void awaitRebuilt(LedgerClient ledger) throws InterruptedException {
        for (int attempt = 0; attempt < 600; attempt++) {
            if (!ledger.as("drift").get("/api/admin/projections").body().get("rebuilding").asBoolean()) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the rebuild did not finish in two minutes");
    }

    /** count:md5 of every row, in a fixed order, of every table that is a projection. */
    private static Map<String, String> checksums(JdbcTemplate jdbc) {
        Map<String, String> sums = new TreeMap<>();
        for (String table : jdbc.queryForList("""
                SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'
                AND table_type = 'BASE TABLE' ORDER BY table_name""", String.class)) {
            if (!NOT_PROJECTIONS.contains(table)) {
                sums.put(table, jdbc.queryForObject("SELECT count(*) || ':' || coalesce(md5(string_agg(t::text, '|'"
                        + " ORDER BY t::text)), '') FROM " + table + " t", String.class));
            }
        }
        return sums;
    }
}
