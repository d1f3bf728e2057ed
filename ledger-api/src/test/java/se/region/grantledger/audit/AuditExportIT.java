package se.region.grantledger.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import se.region.grantledger.support.LedgerClient;
import se.region.grantledger.support.LedgerIntegrationTest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The export over HTTP: JSON lines in global order, each event with its stream, type, payload and metadata. */
class AuditExportIT extends LedgerIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theHistoryRecordedInAPeriodComesOutInGlobalOrder() throws Exception {
        Instant before = Instant.now();
        String project = ledger.registerProject();
        ledger.decideGrant(project, LedgerClient.plan("500000", "400000", "100000"));
        Instant after = Instant.now();

        LedgerClient.Response response = ledger.as("revisor").get("/api/audit/export?from=" + before + "&to=" + after);
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("application/x-ndjson");
        List<JsonNode> lines = new ArrayList<>();
        for (String line : response.raw().split("\n")) {
            lines.add(JSON.readTree(line));
        }
        assertThat(lines).extracting(line -> line.get("globalIndex").asLong()).isSorted().doesNotHaveDuplicates();
        assertThat(lines).allSatisfy(line -> {
            assertThat(Instant.parse(line.get("recordedAt").asText())).isBetween(before, after);
            assertThat(line.at("/metaData/hash").asText()).hasSize(64);
        });
        assertThat(lines.stream().filter(line -> line.get("aggregateIdentifier").asText().equals(project))
                .map(line -> line.get("type").asText()).toList())
                .containsExactly("ProjectRegistered", "GrantDecisionProposed", "GrantDecided");
        assertThat(ledger.as("rapport").get("/api/audit/export").status()).isEqualTo(403);
    }
}
