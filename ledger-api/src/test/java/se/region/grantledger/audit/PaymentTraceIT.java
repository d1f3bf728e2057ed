package se.region.grantledger.audit;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import se.region.grantledger.support.LedgerClient;
import se.region.grantledger.support.LedgerIntegrationTest;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every payment explains itself: from the project's event stream alone, as an auditor reads it, a PaymentMade leads
 * to who proposed it and who attested it (in the payload and in the metadata of the two requests), to the approved
 * requisition and its approved costs, and to the grant decision that allowed it.
 */
class PaymentTraceIT extends LedgerIntegrationTest {

    @Test
    void aPaymentLeadsToItsPeopleItsRequisitionAndItsDecision() {
        String project = ledger.registerProject();
        ledger.decideGrant(project, LedgerClient.plan("500000", "400000", "100000"));
        String requisition = ledger.submitRequisition(project, "{\"STAFF\":300000,\"TRAVEL\":20000}");
        ledger.approve(project, requisition, "[{\"category\":\"TRAVEL\",\"amount\":20000,\"reason\":\"utanför perioden\"}]");
        assertThat(ledger.pay(project, requisition, "150000").status()).isEqualTo(200);

        List<JsonNode> events = new ArrayList<>();
        ledger.as("revisor").get("/api/projects/" + project + "/events").body().forEach(events::add);
        JsonNode paid = only(events, "PaymentMade");
        assertThat(paid.at("/payload/proposedBy").asText()).isEqualTo("handlaggare");
        assertThat(paid.at("/payload/attestedBy").asText()).isEqualTo("attestant2");
        assertThat(paid.at("/metadata/user").asText()).isEqualTo("attestant2");
        JsonNode proposed = only(events, "PaymentProposed");
        assertThat(proposed.at("/payload/paymentId").asText()).isEqualTo(paid.at("/payload/paymentId").asText());
        assertThat(proposed.at("/metadata/user").asText()).isEqualTo("handlaggare");
        assertThat(proposed.at("/metadata/requestId").asText()).isNotEqualTo(paid.at("/metadata/requestId").asText());

        JsonNode approved = only(events, "RequisitionApproved");
        assertThat(approved.at("/payload/requisitionId").asText()).isEqualTo(paid.at("/payload/requisitionId").asText());
        assertThat(approved.at("/payload/approvedCosts/STAFF").decimalValue()).isEqualByComparingTo("300000");
        assertThat(approved.at("/payload/approvedTotal").decimalValue()).isEqualByComparingTo("300000");
        assertThat(approved.at("/payload/payableAmount").decimalValue()).isEqualByComparingTo("150000");
        assertThat(approved.at("/payload/approvedBy").asText()).isEqualTo("attestant");

        JsonNode decided = only(events, "GrantDecided");
        assertThat(decided.get("sequence").asLong()).isLessThan(paid.get("sequence").asLong());
        assertThat(decided.at("/payload/decisionNumber").asText()).isNotBlank();
        assertThat(decided.at("/payload/grantedAmount").decimalValue()).isEqualByComparingTo("500000");
        assertThat(decided.at("/payload/decidedBy").asText()).isEqualTo("attestant");
        assertThat(events).allSatisfy(event -> assertThat(event.at("/metadata/hash").asText()).hasSize(64));
    }

    private static JsonNode only(List<JsonNode> events, String type) {
        List<JsonNode> found = events.stream().filter(event -> event.get("type").asText().equals(type)).toList();
        assertThat(found).as(type).hasSize(1);
        return found.get(0);
    }
}
