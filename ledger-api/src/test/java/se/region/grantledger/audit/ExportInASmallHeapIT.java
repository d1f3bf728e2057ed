package se.region.grantledger.audit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The export never holds the history in memory: in a JVM of its own with a 32 MB heap, the audit export reads
 * 12 500 stored events of 16 KB each (about 200 MB of JSON, six times the heap) and writes them all.
 */
class ExportInASmallHeapIT {

    private static final int EVENTS = 12_500;
    private static final int SOURCE_CHARS = 16_000;
    private static final int HEAP_MB = 32;

    @TempDir
    Path directory;

    @Test
    void aSmallHeapExportsFarMoreThanItCouldHold() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setDataDirectory(directory.resolve("pg"))
                .setCleanDataDirectory(true).start()) {
            Flyway.configure().dataSource(postgres.getPostgresDatabase()).locations("classpath:db/migration").load().migrate();
            storeBulkEvents(postgres);

            Path output = directory.resolve("export.out");
            Process export = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx" + HEAP_MB + "m", "-cp", System.getProperty("java.class.path"), ExportMain.class.getName(),
                    "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres")
                    .redirectErrorStream(true).redirectOutput(output.toFile()).start();
            assertThat(export.waitFor(5, TimeUnit.MINUTES)).isTrue();
            String printed = Files.readString(output, StandardCharsets.UTF_8).trim();
            assertThat(export.exitValue()).as(printed).isZero();

            String[] counts = printed.substring(printed.lastIndexOf('\n') + 1).split(" ");
            assertThat(Long.parseLong(counts[0])).isEqualTo(EVENTS);
            assertThat(Long.parseLong(counts[2])).isEqualTo(EVENTS);
            assertThat(Long.parseLong(counts[1])).as("bytes exported").isGreaterThan(6L * HEAP_MB * 1024 * 1024);
        }
    }

    /** Rate registrations with a long source text, written straight into the event table (one stream each). */
    private static void storeBulkEvents(EmbeddedPostgres postgres) throws Exception {
        try (Connection connection = postgres.getPostgresDatabase().getConnection(); Statement sql = connection.createStatement()) {
            sql.execute("""
                    INSERT INTO domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type,
                        time_stamp, payload_type, payload_revision, payload, meta_data)
                    SELECT md5('bulk-' || n), 'BULK' || n, 0, 'ExchangeRates', '2026-01-01T00:00:00Z',
                           'se.region.grantledger.core.api.exchange.ExchangeRateRegistered', '1',
                           convert_to(json_build_object('currency', 'EUR', 'date', (DATE '1900-01-01' + n)::text,
                               'sekPerUnit', 1.5, 'source', repeat('x', %d))::text, 'UTF8'),
                           convert_to('{}', 'UTF8')
                    FROM generate_series(1, %d) AS n""".formatted(SOURCE_CHARS, EVENTS));
        }
    }
}
