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

    /** Money in the event views and the export is written as stored, a plain decimal, never {@code 4E+7}. */
    @Test
    void amountsAreWrittenAsPlainDecimals() {
        Instant before = Instant.now();
        ledger.allocateFrame("REGIONAL_1_1", 2098, "40000000");
        String events = ledger.as("revisor").get("/api/appropriations/REGIONAL_1_1/2098/events").raw();
        assertThat(events).contains("\"frame\":40000000.00").doesNotContainPattern("[0-9]E[+-]?[0-9]");
        String exported = ledger.as("revisor").get("/api/audit/export?from=" + before).raw();
        assertThat(exported).contains("\"frame\":40000000.00").doesNotContainPattern("[0-9]E[+-]?[0-9]");
    }
}
