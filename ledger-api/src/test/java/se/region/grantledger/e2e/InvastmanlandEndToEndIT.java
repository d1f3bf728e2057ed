package se.region.grantledger.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import se.region.grantledger.support.LedgerClient;
import se.region.grantledger.support.LedgerClient.Response;
import se.region.grantledger.support.LedgerIntegrationTest;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static se.region.grantledger.support.LedgerClient.sek;

/**
 * The Invästmanland project of seed 003, over HTTP on real PostgreSQL: registered, decided with its five
 * financing lines, three requisitions approved and paid (one in part, with a deduction), an overpayment
 * refused, closed. The payable amounts are worked out by hand from the rule "approved costs times the
 * regional share of the plan, minus what was already paid", with the share 2 500 000 / 16 055 000:
 * <pre>
 *   requisition 1: costs 5 000 000                   → 5 000 000 × share = 778 573.65
 *   requisition 2: costs 6 000 000, 500 000 deducted → 10 500 000 × share = 1 635 004.67, less 778 573.65 = 856 431.02
 *   requisition 3: costs 5 555 000                   → 16 055 000 × share = 2 500 000.00, less 1 635 004.67 = 864 995.33
 * </pre>
 */
class InvastmanlandEndToEndIT extends LedgerIntegrationTest {

    private static final String FIVE_LINE_PLAN = """
            [{"funder":"Region Västmanland, 1:1","category":"REGIONAL_1_1","form":"CASH","amount":2500000},
             {"funder":"ERUF via Tillväxtverket","category":"ERUF","form":"CASH","amount":6400000},
             {"funder":"Länets tio kommuner, tid","category":"MUNICIPALITY","form":"IN_KIND","amount":6400000},
             {"funder":"Region Västmanland, tid","category":"REGIONAL_OWN","form":"IN_KIND","amount":510000},
             {"funder":"Region Sörmland, tid","category":"OTHER_REGION","form":"IN_KIND","amount":245000}]""";

    @Test
    void invastmanlandFromRegistrationToClosure() {
        String diaryNumber = LedgerClient.uniqueDiaryNumber();
        Response registered = ledger.post("/api/projects", """
                {"diaryNumber":"%s","nypsCaseId":"20305566","title":"Invästmanland",
                 "owner":{"name":"Region Västmanland","organisationNumber":"232100-0172"},
                 "municipalities":["1904","1907","1960","1961","1962","1980","1981","1982","1983","1984"],
                 "kind":"PROJECT","goalArea":"Attraktionskraft och kompetensförsörjning",
                 "period":{"start":"2025-04-01","end":"2028-03-31"}}""".formatted(diaryNumber));
        assertThat(registered.status()).isEqualTo(201);
        String id = registered.body().get("projectId").asText();

        JsonNode decided = ledger.decideGrant(id, FIVE_LINE_PLAN);
        assertThat(decided.get("status").asText()).isEqualTo("GRANTED");
        assertThat(sek(decided.get("decided"))).isEqualByComparingTo("2500000");
        assertThat(sek(decided.get("totalBudget"))).isEqualByComparingTo("16055000");
        assertThat(sek(decided.at("/plan/byForm/IN_KIND"))).isEqualByComparingTo("7155000");
        assertThat(sek(decided.at("/plan/byCategory/ERUF"))).isEqualByComparingTo("6400000");

        String first = ledger.submitRequisition(id, """
                {"STAFF":1500000,"EXTERNAL_SERVICES":1000000,"TRAVEL":100000,"IN_KIND":2400000}""");
        JsonNode afterFirst = ledger.approve(id, first, "[]");
        assertThat(sek(afterFirst.get("payable"))).isEqualByComparingTo("778573.65");
        assertThat(ledger.pay(id, first, "778573.65").status()).isEqualTo(200);

        String second = ledger.submitRequisition(id, """
                {"STAFF":2500000,"EXTERNAL_SERVICES":1000000,"IN_KIND":2500000}""");
        JsonNode afterSecond = ledger.approve(id, second, """
                [{"category":"STAFF","amount":500000,"reason":"Lönekostnader utanför projektperioden"}]""");
        assertThat(sek(afterSecond.get("approved"))).isEqualByComparingTo("10500000");
        assertThat(sek(afterSecond.get("payable"))).isEqualByComparingTo("1635004.67");
        assertThat(ledger.pay(id, second, "856431.02").status()).isEqualTo(200);

        String third = ledger.submitRequisition(id, """
                {"STAFF":2000000,"EXTERNAL_SERVICES":800000,"INVESTMENTS":500000,"FLAT_RATE_INDIRECT":0,"IN_KIND":2255000}""");
        ledger.approve(id, third, "[]");

        long eventsBefore = storedEventCount();
        JsonNode statusBefore = ledger.get("/api/projects/" + id).body();
        Response overpayment = ledger.pay(id, third, "864995.34");
        assertThat(overpayment.status()).isEqualTo(422);
        assertThat(overpayment.contentType()).startsWith("application/problem+json");
        assertThat(overpayment.problemType()).isEqualTo("urn:grant-ledger:rule:cumulative-payments-within-grant");
        assertThat(overpayment.body().get("detail").asText())
                .contains("864 995,34 SEK", "remaining grant 864 995,33 SEK", diaryNumber);
        assertThat(sek(overpayment.body().at("/figures/granted"))).isEqualByComparingTo("2500000");
        assertThat(storedEventCount()).isEqualTo(eventsBefore);
        assertThat(ledger.get("/api/projects/" + id).body()).isEqualTo(statusBefore);

        assertThat(ledger.pay(id, third, "864995.33").status()).isEqualTo(200);
        JsonNode closed = ledger.ok("/api/projects/" + id + "/closure", """
                {"closedOn":"2028-06-30","note":"Slutrapport godkänd"}""");

        assertThat(closed.get("status").asText()).isEqualTo("CLOSED");
        assertThat(sek(closed.get("paid"))).isEqualByComparingTo("2500000.00");
        assertThat(sek(closed.get("requisitioned"))).isEqualByComparingTo("16555000");
        assertThat(sek(closed.get("approved"))).isEqualByComparingTo("16055000");
        assertThat(sek(closed.get("remaining"))).isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(sek(closed.get("released"))).isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(closed.get("requisitionCount").asInt()).isEqualTo(3);
        assertThat(closed.get("openRequisitionId").isNull()).isTrue();

        JsonNode events = ledger.get("/api/projects/" + id + "/events").body();
        List<String> types = new ArrayList<>();
        events.forEach(event -> types.add(event.get("type").asText()));
        assertThat(types).containsExactly("ProjectRegistered", "GrantDecisionProposed", "GrantDecided",
                "RequisitionSubmitted", "RequisitionApproved", "PaymentProposed", "PaymentMade",
                "RequisitionSubmitted", "RequisitionApproved", "PaymentProposed", "PaymentMade",
                "RequisitionSubmitted", "RequisitionApproved", "PaymentProposed", "PaymentMade",
                "ProjectClosed");
        for (int i = 0; i < events.size(); i++) {
            assertThat(events.get(i).get("sequence").asLong()).isEqualTo(i);
            assertThat(events.get(i).get("recordedAt").asText()).isNotBlank();
        }
        assertThat(events.get(2).at("/payload/plan")).hasSize(5);
        assertThat(events.get(2).at("/payload/preparedBy").asText()).isEqualTo("handlaggare");
        assertThat(events.get(2).at("/payload/decidedBy").asText()).isEqualTo("attestant");
        assertThat(sek(events.get(8).at("/payload/deductions/0/amount"))).isEqualByComparingTo("500000");
        assertThat(events.get(8).at("/payload/deductions/0/reason").asText()).isEqualTo("Lönekostnader utanför projektperioden");
        BigDecimal paidInEvents = BigDecimal.ZERO;
        for (JsonNode event : events) {
            if (event.get("type").asText().equals("PaymentMade")) {
                paidInEvents = paidInEvents.add(sek(event.at("/payload/amount")));
            }
        }
        assertThat(paidInEvents).isEqualByComparingTo("2500000.00");
        for (JsonNode event : events) {
            assertThat(event.at("/metadata/user").asText()).isNotBlank();
            assertThat(event.at("/metadata/roles").isArray()).isTrue();
            assertThat(event.at("/metadata/correlationId").asText()).isNotBlank();
            assertThat(event.at("/metadata/requestId").asText()).isNotBlank();
            assertThat(event.at("/metadata/clientAddress").asText()).isNotBlank();
            if (event.get("type").asText().equals("PaymentMade")) {
                assertThat(event.at("/payload/proposedBy").asText()).isEqualTo("handlaggare");
                assertThat(event.at("/payload/attestedBy").asText()).isEqualTo("attestant2");
                assertThat(event.at("/metadata/user").asText()).isEqualTo("attestant2");
            }
        }
    }
}
