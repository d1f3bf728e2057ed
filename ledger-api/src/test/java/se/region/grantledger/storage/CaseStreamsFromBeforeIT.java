package se.region.grantledger.storage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import se.region.grantledger.support.LedgerClient;
import se.region.grantledger.support.LedgerClient.Response;
import se.region.grantledger.support.LedgerIntegrationTest;
import se.region.grantledger.support.StoredAsBefore;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one case lifecycle (docs/adr/0013) changed the aggregates, not the history. A stream keeps the aggregate
 * {@code type} it was stored with, and a case registered before the redesign, its events named as the flat
 * {@code core.api} package named them, is decided, paid and closed today through the shared endpoints.
 */
class CaseStreamsFromBeforeIT extends LedgerIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyKindOfCaseIsStoredUnderTheTypeItAlwaysHad() {
        String project = ledger.registerProject();
        String support = ledger.decidedBusinessSupport("10000");
        String service = ledger.decidedCommercialService("10000");

        assertThat(storedTypes(project)).containsOnly("Project");
        assertThat(storedTypes(support)).containsOnly("BusinessSupport");
        assertThat(storedTypes(service)).containsOnly("CommercialServiceGrant");
    }

    @Test
    void aBusinessSupportRegisteredBeforeTheRedesignIsDecidedPaidAndClosedToday() throws Exception {
        String company = LedgerClient.uniqueOrganisationNumber();
        ledger.registerUndertaking(company);
        ledger.ensureEuroRate("2025-06-02", "11.00");
        String template = ledger.registerBusinessSupport(company, "1981", "CONSULTANCY_CHECK", "REGIONAL_1_1");
        String caseId = "before-" + UUID.randomUUID();
        StoredAsBefore.append(jdbc, caseId, "BusinessSupport", "se.region.grantledger.core.api.BusinessSupportRegistered",
                "1", registrationLike(template, caseId), "handlaggare", "CASE_OFFICER");

        Response decided = ledger.decideBusinessSupport(caseId, "2025-06-02", "40000");
        assertThat(decided.status()).as(decided.raw()).isEqualTo(200);
        Response proposed = ledger.as("handlaggare").post("/api/business-supports/" + caseId + "/payments", """
                {"paymentId":"p-1","amount":40000,"paymentDate":"2025-07-01","paymentReference":"UB-1"}""");
        assertThat(proposed.status()).as(proposed.raw()).isEqualTo(201);
        Response attested = ledger.as("attestant2").post("/api/business-supports/" + caseId
                + "/payments/p-1/attestation", "{}");
        assertThat(attested.status()).as(attested.raw()).isEqualTo(200);
        Response closed = ledger.as("attestant").post("/api/business-supports/" + caseId + "/closure", """
                {"closedOn":"2025-12-01"}""");
        assertThat(closed.status()).as(closed.raw()).isEqualTo(200);
        assertThat(closed.body().get("status").asText()).isEqualTo("CLOSED");

        assertThat(storedTypes(caseId)).containsOnly("BusinessSupport");
        assertThat(jdbc.queryForObject("SELECT payload_type FROM domain_event_entry WHERE aggregate_identifier = ?"
                + " AND sequence_number = 0", String.class, caseId))
                .as("the stored name stays as written").isEqualTo("se.region.grantledger.core.api.BusinessSupportRegistered");
        JsonNode events = ledger.as("revisor").get("/api/business-supports/" + caseId + "/events").body();
        assertThat(events.get(0).get("type").asText()).isEqualTo("BusinessSupportRegistered");
        assertThat(ledger.as("revisor").get("/api/audit/verify").body().get("intact").asBoolean()).isTrue();
    }

    /** The registration event of a case registered today, as another case's first event. */
    private byte[] registrationLike(String template, String caseId) throws Exception {
        JsonNode events = ledger.as("revisor").get("/api/business-supports/" + template + "/events").body();
        ObjectNode payload = (ObjectNode) events.get(0).get("payload").deepCopy();
        payload.put("caseId", caseId);
        payload.put("diaryNumber", LedgerClient.uniqueDiaryNumber());
        return JSON.writeValueAsBytes(payload);
    }

    private List<String> storedTypes(String aggregateId) {
        return jdbc.queryForList("SELECT DISTINCT type FROM domain_event_entry WHERE aggregate_identifier = ?",
                String.class, aggregateId);
    }
}
