package se.region.grantledger.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import se.region.grantledger.support.LedgerClient;
import se.region.grantledger.support.LedgerClient.Response;
import se.region.grantledger.support.LedgerIntegrationTest;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An investment grant over HTTP on PostgreSQL: registered, decided (de minimis counted for the company's single
 * undertaking in euro at the day's rate, the frame reserved), paid four-eyes, closed with the rest released.
 * The years 2033 and 2036 and their frames are this class's alone.
 */
class BusinessSupportEndToEndIT extends LedgerIntegrationTest {

    private static final String BS = "/api/business-supports/";

    @Test
    void anInvestmentGrantFromApplicationToAttestedPaymentAndClosure() {
        ledger.allocateFrame("REGIONAL_1_1", 2033, "5000000");
        ledger.ensureEuroRate("2033-03-01", "11.25");
        String parent = LedgerClient.uniqueOrganisationNumber();
        String subsidiary = LedgerClient.uniqueOrganisationNumber();
        String undertaking = ledger.registerUndertaking(parent, subsidiary);
        ledger.as("handlaggare").ok("/api/undertakings/" + undertaking + "/de-minimis", """
                {"declarationId":"almi-2032","company":"%s","grantor":"Almi Företagspartner","grantedOn":"2032-05-01",
                 "amountEur":50000}""".formatted(subsidiary));

        String id = ledger.registerBusinessSupport(parent, "1981", "INVESTMENT_GRANT", "REGIONAL_1_1");
        JsonNode decided = ledger.decideBusinessSupport(id, "2033-03-01", "1125000").body();
        assertThat(decided.get("status").asText()).isEqualTo("DECIDED");
        assertThat(decided.at("/decision/amount").decimalValue()).isEqualByComparingTo("1125000");
        assertThat(decided.at("/decision/decidedBy").asText()).isEqualTo("attestant");
        assertThat(decided.at("/deMinimis/undertakingId").asText()).isEqualTo(undertaking);
        assertThat(decided.at("/deMinimis/amountEur").decimalValue()).isEqualByComparingTo("100000.00");
        assertThat(decided.at("/deMinimis/sekPerEuro").decimalValue()).isEqualByComparingTo("11.25");

        JsonNode window = ledger.get("/api/undertakings/" + undertaking + "/de-minimis?on=2033-03-01").body();
        assertThat(window.get("windowStart").asText()).isEqualTo("2030-03-02");
        assertThat(window.get("totalEur").decimalValue()).isEqualByComparingTo("150000");
        assertThat(window.get("headroomEur").decimalValue()).isEqualByComparingTo("150000");
        assertThat(window.get("aid")).hasSize(2);

        assertFrame("1125000", "0", "1125000", "3875000");

        Response proposed = ledger.as("handlaggare").post(BS + id + "/payments", payment("1000000"));
        assertThat(proposed.status()).as(proposed.raw()).isEqualTo(201);
        assertThat(proposed.body().at("/supportCase/pending").decimalValue()).isEqualByComparingTo("1000000");
        String paymentId = proposed.body().get("id").asText();
        JsonNode paid = ledger.as("attestant2").ok(BS + id + "/payments/" + paymentId + "/attestation", "{}");
        assertThat(paid.get("paid").decimalValue()).isEqualByComparingTo("1000000");
        assertThat(paid.get("remaining").decimalValue()).isEqualByComparingTo("125000");
        assertFrame("1125000", "1000000", "125000", "3875000");

        long events = storedEventCount();
        Response overpaid = ledger.as("handlaggare").post(BS + id + "/payments", payment("125000.01"));
        assertThat(overpaid.status()).isEqualTo(422);
        assertThat(overpaid.body().get("rule").asText()).isEqualTo("cumulative-payments-within-grant");
        assertThat(overpaid.body().at("/figures/remaining").decimalValue()).isEqualByComparingTo("125000");
        assertThat(storedEventCount()).isEqualTo(events);

        JsonNode closed = ledger.as("attestant").ok(BS + id + "/closure", "{\"closedOn\":\"2033-12-01\",\"note\":\"slutredovisning\"}");
        assertThat(closed.get("status").asText()).isEqualTo("CLOSED");
        assertThat(closed.get("released").decimalValue()).isEqualByComparingTo("125000");
        assertFrame("1000000", "1000000", "0", "4000000");

        List<String> types = new ArrayList<>();
        JsonNode stream = ledger.get(BS + id + "/events").body();
        stream.forEach(event -> types.add(event.get("type").asText()));
        assertThat(types).containsExactly("BusinessSupportRegistered", "BusinessSupportDecided", "SupportPaymentProposed",
                "SupportPaymentMade", "SupportCaseClosed");
        assertThat(stream.get(3).at("/payload/proposedBy").asText()).isEqualTo("handlaggare");
        assertThat(stream.get(3).at("/payload/attestedBy").asText()).isEqualTo("attestant2");
        assertThat(stream.get(3).at("/metadata/user").asText()).isEqualTo("attestant2");
    }

    /** Linked companies count together: the subsidiary's own decision is checked against the whole undertaking. */
    @Test
    void aLinkedCompanysDecisionIsRefusedOneCentPastTheCapAndAcceptedAtIt() {
        ledger.ensureEuroRate("2036-03-03", "11.25");
        ledger.allocateFrame("REGIONAL_1_1", 2036, "5000000");
        String parent = LedgerClient.uniqueOrganisationNumber();
        String subsidiary = LedgerClient.uniqueOrganisationNumber();
        String undertaking = ledger.registerUndertaking(parent, subsidiary);
        ledger.as("handlaggare").ok("/api/undertakings/" + undertaking + "/de-minimis", """
                {"company":"%s","grantor":"Vinnova","grantedOn":"2034-06-01","amountEur":200000}""".formatted(parent));
        String id = ledger.registerBusinessSupport(subsidiary, "1983", "INNOVATION_SUPPORT", "REGIONAL_1_1");

        long events = storedEventCount();
        // 100 000.01 EUR is 1 125 000.1125 kr: 1 125 000.12 kr converts, half up, to 100 000.01 EUR
        Response refused = ledger.decideBusinessSupport(id, "2036-03-03", "1125000.12");
        assertThat(refused.status()).as(refused.raw()).isEqualTo(422);
        assertThat(refused.body().get("rule").asText()).isEqualTo("de-minimis-within-cap");
        assertThat(refused.body().at("/figures/alreadyGrantedEur").decimalValue()).isEqualByComparingTo("200000");
        assertThat(refused.body().at("/figures/requestedEur").decimalValue()).isEqualByComparingTo("100000.01");
        assertThat(refused.body().at("/figures/headroomEur").decimalValue()).isEqualByComparingTo("100000");
        assertThat(storedEventCount()).isEqualTo(events);

        assertThat(ledger.decideBusinessSupport(id, "2036-03-03", "1125000").status()).isEqualTo(200);
        JsonNode window = ledger.get("/api/undertakings/" + undertaking + "/de-minimis?on=2036-03-03").body();
        assertThat(window.get("headroomEur").decimalValue()).isEqualByComparingTo("0");
    }

    private void assertFrame(String committed, String paid, String outstanding, String headroom) {
        JsonNode frame = ledger.get("/api/appropriations/REGIONAL_1_1/2033").body();
        assertThat(frame.get("frame").decimalValue()).isEqualByComparingTo("5000000");
        assertThat(frame.get("committed").decimalValue()).as("committed").isEqualByComparingTo(committed);
        assertThat(frame.get("paid").decimalValue()).as("paid").isEqualByComparingTo(paid);
        assertThat(frame.get("outstanding").decimalValue()).as("outstanding").isEqualByComparingTo(outstanding);
        assertThat(frame.get("headroom").decimalValue()).as("headroom").isEqualByComparingTo(headroom);
    }

    private static String payment(String amount) {
        return """
                {"amount":%s,"paymentDate":"2033-09-01","paymentReference":"UB-2033-77"}""".formatted(amount);
    }
}
