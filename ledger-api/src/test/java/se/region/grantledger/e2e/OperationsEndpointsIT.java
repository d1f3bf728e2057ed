package se.region.grantledger.e2e;

import org.junit.jupiter.api.Test;
import se.region.grantledger.support.LedgerIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** Health with the database, Prometheus metrics with Axon's, and the OpenAPI document. */
class OperationsEndpointsIT extends LedgerIntegrationTest {

    @Test
    void healthIsUpIncludingTheDatabase() {
        var health = ledger.anonymous().get("/actuator/health").body();
        assertThat(health.get("status").asText()).isEqualTo("UP");
        assertThat(health.at("/components/db/status").asText()).isEqualTo("UP");
    }

    @Test
    void prometheusShowsAxonMetrics() {
        ledger.registerProject();
        String metrics = ledger.as("drift").get("/actuator/prometheus").raw();
        assertThat(metrics).contains("commandBus_allTimer_seconds_count", "eventProcessor_allTimer_seconds_count",
                "eventProcessor_latency", "hikaricp_connections");
        // Axon's capacity gauges kept every message of the last ten minutes in the heap (ADR 0019)
        assertThat(metrics).doesNotContain("eventProcessor_capacity", "commandBus_capacity");
    }

    @Test
    void theOpenApiDocumentDescribesTheProjectEndpoints() {
        var paths = ledger.anonymous().get("/v3/api-docs").body().get("paths");
        assertThat(paths.has("/api/projects")).isTrue();
        assertThat(paths.has("/api/projects/{projectId}/requisitions/{requisitionId}/approval")).isTrue();
        assertThat(paths.has("/api/projects/{projectId}/events")).isTrue();
        assertThat(ledger.anonymous().get("/swagger-ui/index.html").status()).isEqualTo(200);
    }
}
