package se.region.grantledger.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import se.region.grantledger.support.LedgerClient.Response;
import se.region.grantledger.support.LedgerIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Three home-delivery grants, SEK 180 563 together as in 2019, over HTTP on PostgreSQL: decided within half
 * of each municipality's net cost, paid in arrears by two people, and the year's frame kept exactly.
 * The year 2034 and its frame are this test's alone.
 */
class CommercialServiceEndToEndIT extends LedgerIntegrationTest {

    private static final String CS = "/api/commercial-service-grants/";

    @Test
    void threeHomeDeliveryGrantsFromDecisionToAttestedPaymentWithinTheFrame() {
        ledger.allocateFrame("REGIONAL_1_1", 2034, "200000");
        String[][] grants = {{"1962", "Norbergs kommun", "212000-2049", "120375.50", "60187.75"},
                {"1904", "Skinnskattebergs kommun", "212000-2023", "110000", "55000"},
                {"1907", "Surahammars kommun", "212000-2031", "130750.50", "65375.25"}};
        for (String[] grant : grants) {
            String id = ledger.as("handlaggare").ok("/api/commercial-service-grants", """
                    {"diaryNumber":"%s","recipient":{"name":"%s","organisationNumber":"%s"},"recipientKind":"MUNICIPALITY",
                     "municipality":"%s","serviceType":"HOME_DELIVERY","year":2033,"netCost":%s}"""
                    .formatted(se.region.grantledger.support.LedgerClient.uniqueDiaryNumber(), grant[1], grant[2], grant[0],
                            grant[3])).get("grantId").asText();
            JsonNode decided = ledger.decideCommercialService(id, "2034-02-10", grant[4]).body();
            assertThat(decided.get("status").asText()).isEqualTo("DECIDED");
            assertThat(decided.get("netCost").decimalValue()).isEqualByComparingTo(grant[3]);

            Response proposed = ledger.as("handlaggare").post(CS + id + "/payments", """
                    {"amount":%s,"paymentDate":"2034-03-01","paymentReference":"UB-%s"}""".formatted(grant[4], grant[0]));
            assertThat(proposed.status()).as(proposed.raw()).isEqualTo(201);
            Response selfAttested = ledger.as("handlaggare").post(CS + id + "/payments/"
                    + proposed.body().get("id").asText() + "/attestation", "{}");
            assertThat(selfAttested.status()).isEqualTo(403);
            JsonNode paid = ledger.as("attestant").ok(CS + id + "/payments/" + proposed.body().get("id").asText()
                    + "/attestation", "{}");
            assertThat(paid.get("paid").decimalValue()).isEqualByComparingTo(grant[4]);
            assertThat(paid.get("remaining").decimalValue()).isEqualByComparingTo("0");
        }

        JsonNode frame = ledger.get("/api/appropriations/REGIONAL_1_1/2034").body();
        assertThat(frame.get("committed").decimalValue()).isEqualByComparingTo("180563");
        assertThat(frame.get("paid").decimalValue()).isEqualByComparingTo("180563");
        assertThat(frame.get("headroom").decimalValue()).isEqualByComparingTo("19437");

        long events = storedEventCount();
        String fourth = ledger.registerCommercialService("100000");
        Response overFrame = ledger.decideCommercialService(fourth, "2034-05-01", "19437.01");
        assertThat(overFrame.status()).isEqualTo(422);
        assertThat(overFrame.body().get("rule").asText()).isEqualTo("commitments-within-frame");
        assertThat(overFrame.body().at("/figures/frame").decimalValue()).isEqualByComparingTo("200000");
        assertThat(overFrame.body().at("/figures/committed").decimalValue()).isEqualByComparingTo("180563");
        assertThat(overFrame.body().at("/figures/headroom").decimalValue()).isEqualByComparingTo("19437");
        assertThat(storedEventCount()).isEqualTo(events + 1); // the fourth application's registration only

        Response overShare = ledger.decideCommercialService(fourth, "2034-05-01", "50000.01");
        assertThat(overShare.body().get("rule").asText()).isEqualTo("commercial-service-within-net-cost-share");
        assertThat(overShare.body().at("/figures/maxAmount").decimalValue()).isEqualByComparingTo("50000");
        assertThat(ledger.decideCommercialService(fourth, "2034-05-01", "19437").status()).isEqualTo(200);
        assertThat(ledger.get("/api/appropriations/REGIONAL_1_1/2034").body().get("headroom").decimalValue())
                .isEqualByComparingTo("0");
    }
}
