package se.region.grantledger.storage;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import se.region.grantledger.GrantLedgerApplication;
import se.region.grantledger.support.LedgerClient;
import se.region.grantledger.support.LedgerClient.Response;
import se.region.grantledger.support.Race;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two service instances on one PostgreSQL: writes to one case that race across them collide in the event store
 * (a ConcurrencyException: both append the same sequence number). The loser is retried against the new state,
 * so every caller gets the answer the rules give, never a 500 and never a bare conflict. (Within one instance
 * Axon's aggregate lock already serialises writes to a case.)
 *
 * <p>The tests share one database and one pair of instances (started once: each start costs seconds); each works
 * on its own cases and its own frame year, so none sees another's data.
 */
class TwoInstancesRaceIT {

    @TempDir
    static Path serverDirectory;

    private static EmbeddedPostgres server;
    private static ConfigurableApplicationContext first;
    private static ConfigurableApplicationContext second;

    @BeforeAll
    static void startOneDatabaseAndTwoInstances() throws Exception {
        server = EmbeddedPostgres.builder().setDataDirectory(serverDirectory.resolve("postgres"))
                .setCleanDataDirectory(true).start();
        String url = "jdbc:postgresql://localhost:" + server.getPort() + "/postgres";
        first = start(url);
        second = start(url);
    }

    @AfterAll
    static void stopThem() throws Exception {
        try (EmbeddedPostgres database = server) {
            for (ConfigurableApplicationContext instance : new ConfigurableApplicationContext[] {second, first}) {
                if (instance != null) {
                    instance.close();
                }
            }
        }
    }

    /** What a test does with two service instances on one fresh database. */
    interface TwoInstances {
        void run(LedgerClient one, LedgerClient two) throws Exception;
    }

    private static void withTwoInstances(TwoInstances test) throws Exception {
        test.run(client(first), client(second));
    }

    /**
     * The cause of the lost recovery (issue "Unbreakable", item 12): both instances ran in one JVM and so had the
     * same token-store owner name ({@code pid@host}), each took the other's claims for its own, and both processed
     * every segment at once. Each instance now owns its claims alone: no segment is held by both.
     */
    @Test
    void eachSegmentIsProcessedByOneInstanceAtATime() throws Exception {
        client(first).registerProject();
        Thread.sleep(3000);
        org.axonframework.config.EventProcessingConfiguration one =
                first.getBean(org.axonframework.config.EventProcessingConfiguration.class);
        org.axonframework.config.EventProcessingConfiguration two =
                second.getBean(org.axonframework.config.EventProcessingConfiguration.class);
        for (String processor : one.eventProcessors().keySet()) {
            java.util.Set<Integer> byFirst = ((org.axonframework.eventhandling.StreamingEventProcessor)
                    one.eventProcessor(processor).orElseThrow()).processingStatus().keySet();
            java.util.Set<Integer> bySecond = ((org.axonframework.eventhandling.StreamingEventProcessor)
                    two.eventProcessor(processor).orElseThrow()).processingStatus().keySet();
            java.util.Set<Integer> both = new java.util.HashSet<>(byFirst);
            both.retainAll(bySecond);
            assertThat(both).as(processor + ": segments held by both instances, " + byFirst + " and " + bySecond)
                    .isEmpty();
            assertThat(byFirst.size() + bySecond.size()).as(processor + ": segments held").isPositive();
        }
        assertThat(new org.springframework.jdbc.core.JdbcTemplate(server.getPostgresDatabase()).queryForList(
                "SELECT DISTINCT owner FROM token_entry WHERE owner IS NOT NULL", String.class)).isNotEmpty();
    }

    @Test
    void racingWritesThatTheRulesAllowAllSucceed() throws Exception {
        withTwoInstances((one, two) -> {
                String id = one.registerProject();
                one.decideGrant(id, LedgerClient.plan("500000", "400000", "100000"));
                assertThat(one.payAdvance(id, "1000", "2025-04-10").status()).isEqualTo(200);

                List<Response> responses = Race.of(20, i -> (i % 2 == 0 ? one : two).as("attestant2").post(
                        "/api/projects/" + id + "/recoveries",
                        "{\"decisionDate\":\"2026-01-01\",\"amount\":1,\"reason\":\"race " + i + "\"}"));

                assertThat(responses).allSatisfy(response -> assertThat(response.status()).as(response.raw()).isEqualTo(201));
                // Seen twice in full-suite runs under load (19 and 18 of 20), never alone: wait a while, and if it
                // still falls short say whether the row had reached the last event (a lost update) or not (a lag).
                JsonNode firstRead = one.get("/api/projects/" + id).body();
                JsonNode now = firstRead;
                for (int waited = 0; now.get("recovered").decimalValue().intValue() < 20 && waited < 15_000; waited += 100) {
                    Thread.sleep(100);
                    now = one.get("/api/projects/" + id).body();
                }
                assertThat(now.get("recovered").decimalValue())
                        .as("recovered; first read %s at version %s, last read at version %s", firstRead.get("recovered"),
                                firstRead.get("version"), now.get("version"))
                        .isEqualByComparingTo("20");
        });
    }

    @Test
    void racingWritesAcrossInstancesAreRetriedAndJudgedByTheRules() throws Exception {
        withTwoInstances((one, two) -> {
                String id = one.registerProject();
                one.decideGrant(id, LedgerClient.plan("500000", "400000", "100000"));

                List<Response> responses = Race.of(20, i -> (i % 2 == 0 ? one : two).as("handlaggare").post(
                        "/api/projects/" + id + "/requisitions", """
                        {"period":{"start":"2025-04-01","end":"2025-09-30"},"costs":{"STAFF":1000},"submittedOn":"2025-10-15"}"""));

                assertThat(responses).filteredOn(response -> response.status() == 201).hasSize(1);
                assertThat(responses).filteredOn(response -> response.status() != 201).allSatisfy(response -> {
                    assertThat(response.status()).as(response.raw()).isEqualTo(422);
                    assertThat(response.problemType()).isEqualTo("urn:grant-ledger:rule:one-open-requisition");
                });
        });
    }

    /**
     * Each instance keeps the cases it loaded (docs/performance.md, the aggregate cache); a case the other instance
     * has written since is loaded afresh. Registered on one, decided on the other, the case takes a requisition on
     * the first at once: a stale copy would still say "not decided" (409).
     */
    @Test
    void anInstanceSeesTheOtherInstancesWriteAtOnce() throws Exception {
        withTwoInstances((one, two) -> {
            String id = one.registerProject();
            two.decideGrant(id, LedgerClient.plan("500000", "400000", "100000"));

            Response requisition = one.as("handlaggare").post("/api/projects/" + id + "/requisitions", """
                    {"period":{"start":"2025-04-01","end":"2025-09-30"},"costs":{"STAFF":1000},"submittedOn":"2025-10-15"}""");

            assertThat(requisition.status()).as(requisition.raw()).isEqualTo(201);
        });
    }

    /**
     * The frame across instances: the decisions are on different cases, so only the frame's stream collides. The
     * loser's reservation is retried against the winner's, and the frame is never over-committed.
     */
    @Test
    void racingDecisionsAcrossInstancesNeverOverCommitAFrame() throws Exception {
        withTwoInstances((one, two) -> {
                one.allocateFrame("REGIONAL_1_1", 2050, "100000");
                List<String> grants = Race.of(10, i -> one.registerCommercialService("60000"));

                List<Response> responses = Race.of(10, i -> (i % 2 == 0 ? one : two)
                        .decideCommercialService(grants.get(i), "2050-03-01", "30000"));

                assertThat(responses).filteredOn(response -> response.status() == 200).hasSize(3);
                assertThat(responses).filteredOn(response -> response.status() != 200).allSatisfy(response -> {
                    assertThat(response.status()).as(response.raw()).isEqualTo(422);
                    assertThat(response.problemType()).isEqualTo("urn:grant-ledger:rule:commitments-within-frame");
                });
                assertThat(two.get("/api/appropriations/REGIONAL_1_1/2050").body().get("committed").decimalValue())
                        .isEqualByComparingTo("90000");
        });
    }

    private static ConfigurableApplicationContext start(String url) {
        return new SpringApplicationBuilder(GrantLedgerApplication.class).run("--server.port=0", "--POSTGRES_URL=" + url,
                "--POSTGRES_USER=postgres", "--POSTGRES_PASSWORD=unused");
    }

    private static LedgerClient client(ConfigurableApplicationContext context) {
        return new LedgerClient("http://localhost:" + ((WebServerApplicationContext) context).getWebServer().getPort());
    }
}
