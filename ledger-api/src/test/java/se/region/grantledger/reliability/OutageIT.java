package se.region.grantledger.reliability;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.region.grantledger.support.LedgerClient;
import se.region.grantledger.support.LedgerClient.Response;
import se.region.grantledger.support.ServiceProcess;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The database goes away under light traffic and comes back. While it is away every request answers within
 * 2 s with 503 and Retry-After (never a hang, never a 500) and readiness is down; when it is back the service
 * resumes by itself, without a restart, with every acknowledged write there.
 */
class OutageIT {

    private static final Duration ANSWER_WITHIN = Duration.ofSeconds(2);
    /** A write and a read each: each answer waits out the pool's 1.5 s connection timeout, so rounds cost time. */
    private static final int ROUNDS_WHILE_AWAY = 3;

    @TempDir
    Path directory;

    @Test
    void anOutageAnswers503AtOnceAndEverythingResumesByItself() throws Exception {
        int databasePort = ServiceProcess.freePort();
        Path data = directory.resolve("postgres");
        EmbeddedPostgres database = startDatabase(data, databasePort);
        try (ServiceProcess service = ServiceProcess.start(directory, Map.of(
                "POSTGRES_URL", "jdbc:postgresql://localhost:" + databasePort + "/postgres",
                "POSTGRES_USER", "postgres", "POSTGRES_PASSWORD", "unused"))) {
            assertThat(service.awaitHealthy(Duration.ofSeconds(90))).as(service.logTail()).isTrue();
            LedgerClient ledger = service.client();
            List<String> acknowledged = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                acknowledged.add(registered(ledger.post("/api/projects", project())));
            }

            database.close();
            List<Integer> duringOutage = new ArrayList<>();
            Duration slowest = Duration.ZERO;
            for (int i = 0; i < ROUNDS_WHILE_AWAY; i++) {
                long started = System.nanoTime();
                Response write = ledger.post("/api/projects", project(), Map.of("Idempotency-Key", UUID.randomUUID().toString()));
                Duration writeTook = Duration.ofNanos(System.nanoTime() - started);
                started = System.nanoTime();
                Response read = ledger.get("/api/projects?size=5");
                Duration readTook = Duration.ofNanos(System.nanoTime() - started);
                assertThat(writeTook).as("a write while the database is away").isLessThan(ANSWER_WITHIN);
                assertThat(readTook).as("a read while the database is away").isLessThan(ANSWER_WITHIN);
                slowest = Collections.max(List.of(slowest, writeTook, readTook));
                for (Response answer : List.of(write, read)) {
                    assertThat(answer.status()).as(answer.raw()).isEqualTo(503);
                    assertThat(answer.headers().firstValue("Retry-After")).isPresent();
                    assertThat(answer.contentType()).startsWith("application/problem+json");
                    duringOutage.add(answer.status());
                }
            }
            long asked = System.nanoTime();
            Response readiness = ledger.get("/actuator/health/readiness");
            assertThat(Duration.ofNanos(System.nanoTime() - asked)).isLessThan(ANSWER_WITHIN.multipliedBy(3));
            assertThat(readiness.status()).isEqualTo(503);

            database = startDatabase(data, databasePort);
            long back = System.nanoTime();
            Response resumed = null;
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (System.nanoTime() < deadline) {
                resumed = ledger.post("/api/projects", project());
                if (resumed.status() == 201) {
                    break;
                }
                Thread.sleep(500);
            }
            assertThat(resumed.status()).as("writes resume by themselves: " + resumed.raw()).isEqualTo(201);
            Duration toResume = Duration.ofNanos(System.nanoTime() - back);
            acknowledged.add(registered(resumed));
            for (String location : acknowledged) {
                assertThat(ledger.get(location).status()).as(location).isEqualTo(200);
            }
            Response ready = null;
            for (int i = 0; i < 60 && (ready == null || ready.status() != 200); i++) {
                ready = ledger.get("/actuator/health/readiness");
                Thread.sleep(500);
            }
            assertThat(ready.status()).as(ready.raw()).isEqualTo(200);
            System.out.println("Outage: " + duringOutage.size() + " answers while the database was away, all 503, the"
                    + " slowest in " + slowest.toMillis() + " ms; the first write stored " + toResume.toMillis()
                    + " ms after the database was back");
        } finally {
            database.close();
        }
    }

    private static String registered(Response answer) {
        assertThat(answer.status()).as(answer.raw()).isEqualTo(201);
        return answer.headers().firstValue("Location").orElseThrow();
    }

    /** Kept across the outage: the same directory and port, as a restarted server. */
    private static EmbeddedPostgres startDatabase(Path data, int port) {
        try {
            return EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false).setPort(port).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String project() {
        return """
                {"diaryNumber":"%s","title":"Avbrottsprov","owner":{"name":"Almi","organisationNumber":"556486-7678"},
                 "municipalities":["1980"],"kind":"PROJECT","goalArea":"x","period":{"start":"2025-04-01","end":"2028-03-31"}}"""
                .formatted(LedgerClient.uniqueDiaryNumber());
    }
}
