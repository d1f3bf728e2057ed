package se.region.grantledger.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import se.region.grantledger.support.LedgerClient;
import se.region.grantledger.support.LedgerIntegrationTest;
import se.region.grantledger.support.StoredAsBefore;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Schema evolution: a GrantDecided stored as revision 1 (before issue 3 added who prepared and who decided) sits in
 * the event store as it was written. It still loads, through the upcaster, into today's Project aggregate (which
 * then takes a requisition), into the status projection and into the audit export, and its hash link holds.
 */
class OlderRevisionIT extends LedgerIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aRevisionOneGrantDecisionLoadsIntoTodaysAggregateStatusAndExport() throws Exception {
        String project = ledger.registerProject();
        storeRevisionOneGrantDecision(project);

        String requisition = ledger.submitRequisition(project, "{\"STAFF\":100000}");
        assertThat(requisition).isNotBlank();
        JsonNode status = ledger.as("revisor").get("/api/projects/" + project).body();
        assertThat(status.get("status").asText()).isEqualTo("GRANTED");
        assertThat(status.get("decided").decimalValue()).isEqualByComparingTo("500000");

        JsonNode events = ledger.as("revisor").get("/api/projects/" + project + "/events").body();
        JsonNode decided = events.get(1);
        assertThat(decided.get("type").asText()).isEqualTo("GrantDecided");
        assertThat(decided.get("revision").asText()).isEqualTo("2");
        assertThat(decided.get("payload").has("decidedBy")).isTrue();
        assertThat(decided.at("/payload/decidedBy").isNull()).isTrue();
        assertThat(jdbc.queryForObject("SELECT payload_revision FROM domain_event_entry WHERE aggregate_identifier = ?"
                + " AND sequence_number = 1", String.class, project)).as("the stored bytes stay revision 1").isEqualTo("1");

        String export = ledger.as("revisor").get("/api/audit/export").raw();
        JsonNode exported = null;
        for (String line : export.split("\n")) {
            JsonNode node = JSON.readTree(line);
            if (node.get("aggregateIdentifier").asText().equals(project) && node.get("sequenceNumber").asLong() == 1) {
                exported = node;
            }
        }
        assertThat(exported).isNotNull();
        assertThat(exported.get("revision").asText()).isEqualTo("2");
        assertThat(exported.get("payload").has("preparedBy")).isTrue();
        assertThat(exported.at("/payload/grantedAmount").decimalValue()).isEqualByComparingTo("500000");

        assertThat(ledger.as("revisor").get("/api/audit/verify").body().get("intact").asBoolean()).isTrue();
    }

    /** As the ledger wrote it before issue 3: no preparedBy or decidedBy, revision 1, its hash link computed. */
    private void storeRevisionOneGrantDecision(String project) throws Exception {
        byte[] payload = ("""
                {"projectId":"%s","decisionNumber":"RUN 2025/9","decisionDate":"2025-03-20",
                 "plan":%s,"grantedAmount":500000.00,"totalBudget":1000000.00,"conditions":[]}"""
                .formatted(project, LedgerClient.plan("500000", "400000", "100000")).replaceAll("\\s*\\n\\s*", ""))
                .getBytes(StandardCharsets.UTF_8);
        StoredAsBefore.append(jdbc, project, "Project", "se.region.grantledger.core.api.GrantDecided", "1", payload,
                "beslutsfattare", "APPROVER");
    }
}
