package se.region.grantledger.imports;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.region.grantledger.support.LedgerClient;
import se.region.grantledger.support.LedgerClient.Response;
import se.region.grantledger.support.ServiceProcess;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * An import killed in the middle ({@code kill -9} of the service, as an OOM kill would) goes on by itself when the
 * service starts again, from the first row it had not recorded, and records every row exactly once: the money
 * paid in the year-end figures is the workbook's to the krona, not a row more.
 */
class ImportCrashIT {

    private static final int PROJECTS = 150;
    private static final Duration START = Duration.ofSeconds(90);

    @TempDir
    Path directory;

    /** The packaged service in its default mode on this test's data directory, once it answers. */
    private ServiceProcess started() throws Exception {
        ServiceProcess service = ServiceProcess.start(directory,
                Map.of("LEDGER_DATA_DIR", directory.resolve("data").toString()));
        if (!service.awaitHealthy(START)) {
            String log = service.logTail();
            service.kill();
            fail("the service did not become healthy:\n" + log);
        }
        return service;
    }

    @Test
    void killedMidImportItGoesOnAtTheNextStartAndRecordsEveryRowOnce() throws Exception {
        ServiceProcess service = started();
        try {
            LedgerClient ledger = service.client();
            Response uploaded = ledger.as("inlasning").upload("/api/imports", Map.of("historik.xlsx", books()));
            assertThat(uploaded.status()).as(uploaded.raw()).isEqualTo(201);
            int rows = uploaded.body().get("rows").asInt();
            assertThat(uploaded.body().at("/dryRun/wouldCreate").asInt()).as(uploaded.raw()).isEqualTo(rows);
            String importId = uploaded.body().get("importId").asText();
            assertThat(ledger.as("inlasning2").post("/api/imports/" + importId + "/confirmation", "{}").status())
                    .isEqualTo(202);

            int importedAtTheKill = awaitSomeRows(ledger, importId, rows);
            service.kill();
            System.out.printf("Import killed with %d of %d rows counted%n", importedAtTheKill, rows);

            service = started();
            ledger = service.client();
            JsonNode done = ImportStatus.await(ledger, importId, "DONE", Duration.ofMinutes(2));
            assertThat(done.at("/progress/imported").asInt()).isEqualTo(rows);
            assertThat(done.at("/progress/refused").asInt()).as(done.toString()).isZero();
            assertThat(done.at("/progress/remaining").asInt()).isZero();

            JsonNode projects = ledger.as("revisor").get("/api/projects?size=1").body();
            assertThat(projects.get("totalItems").asInt()).isEqualTo(PROJECTS);
            BigDecimal paid = awaitPaid(ledger, new BigDecimal(PROJECTS * 100_000L));
            assertThat(paid).as("every payment once").isEqualByComparingTo(new BigDecimal(PROJECTS * 100_000L));
            assertThat(ledger.as("revisor").get("/api/audit/verify").body().get("intact").asBoolean()).isTrue();
            assertThat(service.stop()).isIn(0, 143);
        } finally {
            if (service.isAlive()) {
                service.kill();
            }
        }
    }

    /**
     * A large upload's dry run, killed in the background, runs again from the start at the next start: every row
     * judged once (no outcome twice), nothing of the books stored, and then it can be confirmed.
     */
    @Test
    void aDryRunKilledInTheBackgroundRunsAgainAtTheNextStart() throws Exception {
        ServiceProcess service = started();
        try {
            LedgerClient ledger = service.client();
            TemplateWorkbook books = TemplateWorkbook.template();
            for (int i = 0; i < 2600; i++) {
                String diary = "RV18" + String.format("%05d", i);
                books.row("projects", diary, "Projekt " + i, "Almi Mälardalen", "556486-7678", "1980, 1981, 1982",
                        "PROJECT", "Tillväxtföretag", "2018-01-01", "2019-12-31", null)
                        .row("decisions", diary, "RUN 2018/" + i, "2018-03-01", "GRANT", null, null)
                        .row("plan_lines", diary, "RUN 2018/" + i, "Regionen", "REGIONAL_1_1", "CASH", 1000)
                        .row("plan_lines", diary, "RUN 2018/" + i, "ERUF", "ERUF", "CASH", 1000);
            }
            books.row("frames", "REGIONAL_1_1", 2018, 900000000, "Regleringsbrev 2018");
            Response uploaded = ledger.as("inlasning").upload("/api/imports", Map.of("stor.xlsx", books.bytes()));
            assertThat(uploaded.status()).as(uploaded.raw()).isEqualTo(202);
            String importId = uploaded.body().get("importId").asText();
            int rows = uploaded.body().get("rows").asInt();
            for (int attempt = 0; attempt < 2000; attempt++) {
                JsonNode view = ledger.as("inlasning").get("/api/imports/" + importId).body();
                assertThat(view.get("status").asText()).as("the dry run finished before it could be killed")
                        .isEqualTo("VALIDATING");
                if (view.at("/dryRun/wouldCreate").asInt() + view.at("/dryRun/wouldBeRefused").asInt() >= 500) {
                    break;
                }
                Thread.sleep(20);
            }
            service.kill();

            service = started();
            ledger = service.client();
            JsonNode validated = ImportStatus.await(ledger, importId, "VALIDATED", Duration.ofMinutes(2));
            JsonNode counts = validated.get("dryRun");
            assertThat(counts.get("wouldCreate").asInt() + counts.get("alreadyImported").asInt()
                    + counts.get("wouldBeRefused").asInt()).as("every row judged once").isEqualTo(rows);
            assertThat(counts.get("wouldBeRefused").asInt()).as(validated.toString()).isZero();
            assertThat(ledger.as("inlasning").get("/api/imports/" + importId + "/dry-run?size=10000").body())
                    .hasSize(rows);
            assertThat(ledger.as("revisor").get("/api/projects?size=1").body().get("totalItems").asInt())
                    .as("a dry run stores nothing").isZero();
            assertThat(ledger.as("inlasning2").post("/api/imports/" + importId + "/confirmation", "{}").status())
                    .isEqualTo(202);
            assertThat(service.stop()).isIn(0, 143);
        } finally {
            if (service.isAlive()) {
                service.kill();
            }
        }
    }

    /** A frame and {@code PROJECTS} projects of 2017, each decided, requisitioned and paid SEK 100 000. */
    private static byte[] books() {
        TemplateWorkbook books = TemplateWorkbook.template()
                .row("frames", "REGIONAL_1_1", 2017, 900000000, "Regleringsbrev 2017");
        for (int i = 0; i < PROJECTS; i++) {
            String diary = "RV17" + String.format("%04d", i);
            String date = "2017-%02d-%02d".formatted(1 + i % 6, 1 + i % 28);
            books.row("projects", diary, "Projekt " + i, "Almi Mälardalen", "556486-7678", "1980, 1981, 1982",
                            "PROJECT", "Tillväxtföretag", "2017-01-01", "2019-12-31", null)
                    .row("decisions", diary, "RUN 2017/" + i, date, "GRANT", null, null)
                    .row("plan_lines", diary, "RUN 2017/" + i, "Regionen", "REGIONAL_1_1", "CASH", 200000)
                    .row("plan_lines", diary, "RUN 2017/" + i, "ERUF", "ERUF", "CASH", 200000)
                    .row("requisitions", diary, "R1", "2017-01-01", "2017-06-30", "2017-07-10", "2017-07-20", 300000,
                            null, null, null, null, null)
                    .row("payments", diary, "R1", 100000, "REGIONAL_1_1", "2017-08-01", "UB-" + diary, null);
        }
        return books.bytes();
    }

    private static int awaitSomeRows(LedgerClient ledger, String importId, int rows) throws InterruptedException {
        for (int attempt = 0; attempt < 2000; attempt++) {
            JsonNode view = ledger.as("inlasning").get("/api/imports/" + importId).body();
            int imported = view.at("/progress/imported").asInt();
            assertThat(view.get("status").asText()).as("the import finished before it could be killed: make it longer")
                    .isNotEqualTo("DONE");
            if (imported >= 100) {
                return imported;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the import never got going");
    }

    private static BigDecimal awaitPaid(LedgerClient ledger, BigDecimal expected) throws InterruptedException {
        BigDecimal paid = BigDecimal.ZERO;
        for (int attempt = 0; attempt < 200; attempt++) {
            for (JsonNode line : ledger.as("rapport").get("/api/reports/year-end/2017").body().get("lines")) {
                if (line.get("fund").asText().equals("REGIONAL_1_1") && line.get("decisionYear").asInt() == 2017) {
                    paid = line.at("/paid/sek").decimalValue();
                }
            }
            if (paid.compareTo(expected) == 0) {
                return paid;
            }
            Thread.sleep(100);
        }
        return paid;
    }
}
