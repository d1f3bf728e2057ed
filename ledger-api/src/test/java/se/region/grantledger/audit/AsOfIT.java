package se.region.grantledger.audit;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import se.region.grantledger.support.LedgerClient;
import se.region.grantledger.support.LedgerIntegrationTest;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The books as of a moment: a correction recorded after it leaves the as-of answer as it was and changes the
 * current one. The decision dates are business dates; "as of" is about when the ledger recorded things.
 */
class AsOfIT extends LedgerIntegrationTest {

    @Test
    void aCorrectionAfterTheMomentLeavesTheProjectAsItWasKnown() throws Exception {
        Instant beforeRegistration = pause();
        String project = ledger.registerProject();
        ledger.decideGrant(project, LedgerClient.plan("500000", "400000", "100000"));
        Instant known = pause();
        ledger.as("attestant").ok("/api/projects/" + project + "/grant-amendments", """
                {"decisionNumber":"RUN 2026/4","decisionDate":"2026-01-10","plan":%s,"reason":"smaller scope"}"""
                .formatted(LedgerClient.plan("400000", "400000", "100000")));

        assertThat(ledger.as("revisor").get("/api/projects/" + project).body().get("decided").decimalValue())
                .isEqualByComparingTo("400000");
        JsonNode then = ledger.as("revisor").get("/api/projects/" + project + "?asOf=" + known).body();
        assertThat(then.get("decided").decimalValue()).isEqualByComparingTo("500000");
        assertThat(then.get("status").asText()).isEqualTo("GRANTED");
        assertThat(ledger.as("revisor").get("/api/projects/" + project + "?asOf=" + beforeRegistration).status())
                .isEqualTo(404);
        assertThat(ledger.as("revisor").get("/api/projects/" + project + "?asOf=yesterday").status()).isEqualTo(400);
    }

    @Test
    void theYearsReportAsKnownOnADayStaysAsItWasAfterALaterCorrection() throws Exception {
        ledger.allocateFrame("REGIONAL_1_1", 2039, "5000000");
        String project = ledger.registerProject();
        ledger.as("handlaggare").ok("/api/projects/" + project + "/grant-decision/proposal",
                "{\"plan\":" + LedgerClient.plan("500000", "400000", "100000") + "}");
        ledger.as("attestant").ok("/api/projects/" + project + "/grant-decision",
                "{\"decisionNumber\":\"RUN 2039/1\",\"decisionDate\":\"2039-01-15\"}");
        JsonNode asDecided = eventuallyLeverage(null, "500000");
        Instant known = pause();
        ledger.as("attestant").ok("/api/projects/" + project + "/grant-amendments", """
                {"decisionNumber":"RUN 2039/7","decisionDate":"2039-06-01","plan":%s,"reason":"correction"}"""
                .formatted(LedgerClient.plan("400000", "400000", "100000")));

        eventuallyLeverage(null, "400000");
        JsonNode then = ledger.as("rapport").get("/api/reports/leverage?year=2039&asOf=" + known).body();
        assertThat(then).isEqualTo(asDecided);
        String page = ledger.as("rapport").get("/api/reports/annual/2039?asOf=" + known).raw();
        assertThat(page).contains("data-figure=\"leverage-regional-msek\">0,5<");
    }

    @Test
    void aBusinessSupportAsKnownBeforeItsPayment() throws Exception {
        String id = ledger.decidedBusinessSupport("1000");
        Instant known = pause();
        String payment = ledger.as("handlaggare").ok("/api/business-supports/" + id + "/payments",
                "{\"amount\":1000,\"paymentDate\":\"2025-09-01\",\"paymentReference\":\"UB\"}").get("id").asText();
        ledger.as("attestant2").ok("/api/business-supports/" + id + "/payments/" + payment + "/attestation", "{}");

        assertThat(ledger.as("revisor").get("/api/business-supports/" + id).body().get("paid").decimalValue())
                .isEqualByComparingTo("1000");
        JsonNode then = ledger.as("revisor").get("/api/business-supports/" + id + "?asOf=" + known).body();
        assertThat(then.get("status").asText()).isEqualTo("DECIDED");
        assertThat(then.get("paid").decimalValue()).isEqualByComparingTo("0");
    }

    private JsonNode eventuallyLeverage(String asOf, String regional) throws InterruptedException {
        for (int attempt = 0; attempt < 100; attempt++) {
            JsonNode leverage = ledger.as("rapport").get("/api/reports/leverage?year=2039"
                    + (asOf == null ? "" : "&asOf=" + asOf)).body();
            if (leverage.at("/regional11/sek").decimalValue().compareTo(new java.math.BigDecimal(regional)) == 0) {
                return leverage;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the 2039 leverage never showed " + regional);
    }

    /** A moment strictly between what was recorded before and what will be recorded after. */
    private static Instant pause() throws InterruptedException {
        Thread.sleep(20);
        Instant moment = Instant.now();
        Thread.sleep(20);
        return moment;
    }
}
