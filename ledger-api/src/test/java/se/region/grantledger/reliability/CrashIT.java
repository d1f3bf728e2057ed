package se.region.grantledger.reliability;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.region.grantledger.support.LedgerClient;
import se.region.grantledger.support.LedgerClient.Response;
import se.region.grantledger.support.ServiceProcess;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The default mode, as an operator runs it: the jar with no configuration but its data directory. Under write
 * load it is killed with {@code kill -9} (the embedded PostgreSQL is orphaned, as after an OOM kill), started again
 * on the same directory, three times. Each time it must be healthy on the first start, hold every write it
 * acknowledged, and answer every keyed retry at once: the acknowledged ones with their first answer, the ones
 * that were in flight afresh or with their answer, never "still in progress".
 */
class CrashIT {

    private static final int CYCLES = 3;
    private static final int WRITERS = 4;
    private static final Duration START = Duration.ofSeconds(90);
    private static final Duration AT_ONCE = Duration.ofSeconds(3);

    record Write(String key, String body, Response answer) {
    }

    @TempDir
    Path directory;

    @Test
    void killedUnderLoadItComesBackOnTheFirstStartWithEveryAcknowledgedWrite() throws Exception {
        Map<String, String> defaultMode = Map.of("LEDGER_DATA_DIR", directory.resolve("data").toString());
        ConcurrentLinkedQueue<Write> acknowledged = new ConcurrentLinkedQueue<>();
        List<ServiceProcess> started = new java.util.ArrayList<>();
        try {
            crashAndRestart(defaultMode, acknowledged, started);
        } finally {
            for (ServiceProcess process : started) {
                if (process.isAlive()) {
                    process.kill();
                }
            }
        }
    }

    private void crashAndRestart(Map<String, String> defaultMode, ConcurrentLinkedQueue<Write> acknowledged,
                                 List<ServiceProcess> started) throws Exception {
        ServiceProcess service = ServiceProcess.start(directory, defaultMode);
        started.add(service);
        assertThat(service.awaitHealthy(START)).as(service.logTail()).isTrue();

        for (int cycle = 1; cycle <= CYCLES; cycle++) {
            int verifiedBefore = acknowledged.size();
            List<Write> inFlight = writeUntilKilled(service, acknowledged);

            service = ServiceProcess.start(directory, defaultMode);
            started.add(service);
            assertThat(service.awaitHealthy(START)).as("cycle " + cycle + ": healthy on the first start\n"
                    + service.logTail()).isTrue();
            LedgerClient ledger = service.client();

            // The writes acknowledged in this cycle; the earlier ones were checked after their own crash, and all
            // of them are read again after the last.
            List<Write> thisCycle = List.copyOf(acknowledged).subList(verifiedBefore, acknowledged.size());
            for (Write write : thisCycle) {
                assertThat(ledger.get(location(write)).status()).as("acknowledged " + location(write) + " is there")
                        .isEqualTo(200);
            }
            for (Write write : thisCycle) {
                long began = System.nanoTime();
                Response retry = ledger.post("/api/projects", write.body(), Map.of("Idempotency-Key", write.key()));
                assertThat(Duration.ofNanos(System.nanoTime() - began)).isLessThan(AT_ONCE);
                assertThat(retry.status()).isEqualTo(write.answer().status());
                assertThat(retry.headers().firstValue("Location")).isEqualTo(write.answer().headers().firstValue("Location"));
            }
            for (Write write : inFlight) {
                long began = System.nanoTime();
                Response retry = ledger.post("/api/projects", write.body(), Map.of("Idempotency-Key", write.key()));
                assertThat(Duration.ofNanos(System.nanoTime() - began)).as("a keyed retry after the crash: "
                        + retry.status() + " " + retry.headers().map() + " " + retry.raw()).isLessThan(AT_ONCE);
                assertThat(retry.status()).as(retry.raw()).isIn(201, 202);
            }
            System.out.printf("Crash cycle %d: %d writes acknowledged so far, %d in flight at the kill%n",
                    cycle, acknowledged.size(), inFlight.size());
        }
        LedgerClient ledger = service.client();
        for (Write write : acknowledged) {
            assertThat(ledger.get(location(write)).status()).as("after every crash, " + location(write) + " is there")
                    .isEqualTo(200);
        }
        assertThat(acknowledged).hasSizeGreaterThan(CYCLES * WRITERS);
        assertThat(service.stop()).as("SIGTERM shuts down gracefully").isIn(0, 143);
    }

    private static String location(Write write) {
        return write.answer().headers().firstValue("Location").orElseThrow();
    }

    /** Writers post projects with keys; after a moment of load the service is killed. @return writes not answered */
    private static List<Write> writeUntilKilled(ServiceProcess service, ConcurrentLinkedQueue<Write> acknowledged)
            throws Exception {
        LedgerClient ledger = service.client();
        AtomicBoolean killed = new AtomicBoolean();
        ConcurrentLinkedQueue<Write> unanswered = new ConcurrentLinkedQueue<>();
        ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
        for (int i = 0; i < WRITERS; i++) {
            writers.submit(() -> {
                while (!killed.get()) {
                    String key = UUID.randomUUID().toString();
                    String body = project();
                    try {
                        Response answer = ledger.post("/api/projects", body, Map.of("Idempotency-Key", key));
                        if (answer.status() == 201 || answer.status() == 202) {
                            acknowledged.add(new Write(key, body, answer));
                        } else {
                            unanswered.add(new Write(key, body, answer));
                        }
                    } catch (UncheckedIOException cut) {
                        unanswered.add(new Write(key, body, null));
                    }
                }
            });
        }
        Thread.sleep(3000);
        service.kill();
        killed.set(true);
        writers.shutdown();
        assertThat(writers.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        return List.copyOf(unanswered);
    }

    private static String project() {
        return """
                {"diaryNumber":"%s","title":"Kraschprov","owner":{"name":"Almi","organisationNumber":"556486-7678"},
                 "municipalities":["1980"],"kind":"PROJECT","goalArea":"x","period":{"start":"2025-04-01","end":"2028-03-31"}}"""
                .formatted(LedgerClient.uniqueDiaryNumber());
    }
}
