package se.region.grantledger.audit;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import se.region.grantledger.support.LedgerClient;
import se.region.grantledger.support.LedgerIntegrationTest;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Both times over HTTP (docs/audit.md, "Two kinds of time"): {@code validAt} (a business date) and {@code knownAt}
 * (when the ledger knew it), on a case, a frame and the reports. The moments events are recorded at are set with
 * Axon's event clock, so that a correction is really recorded in 2020 and history really loaded today.
 */
class TwoTimesIT extends LedgerIntegrationTest {

    private static final String FRAME_2019 = "/api/appropriations/REGIONAL_1_1/2019";

    @AfterEach
    void realTimeAgain() {
        GenericEventMessage.clock = Clock.systemUTC();
    }

    @Test
    void aCorrectionRecordedIn2020ToA2019PaymentChanges2019KnownNowAndNotKnownOn15January() throws Exception {
        recordedAt("2019-01-10T08:00:00Z");
        // A frame of its own amount, so that this allocation is an event recorded in 2019 whatever ran before.
        ledger.allocateFrame("REGIONAL_1_1", 2019, "950000000");
        String midJanuary = "knownAt=2020-01-15";
        // What other tests recorded counts now; as known on 15 January 2020 only what was recorded by then.
        JsonNode yearEndBefore = ledger.as("rapport").get("/api/reports/year-end/2019").body();
        JsonNode yearEndThenBefore = ledger.as("rapport").get("/api/reports/year-end/2019?" + midJanuary).body();
        BigDecimal disbursedBefore = projectNet(ledger.as("rapport").get("/api/reports/disbursements?year=2019").body());
        BigDecimal disbursedThenBefore = projectNet(ledger.as("rapport")
                .get("/api/reports/disbursements?year=2019&" + midJanuary).body());
        BigDecimal framePaidBefore = framePaid("?validAt=2019-12-31");
        BigDecimal framePaidThenBefore = framePaid("?validAt=2019-12-31&" + midJanuary);

        recordedAt("2019-03-15T09:00:00Z");
        String project = project2019();
        recordedAt("2019-12-20T14:00:00Z");
        payable(project, "300000", "2019-12-20");
        // Entered on 1 February 2020: a recovery decided and money received back at the end of December 2019.
        recordedAt("2020-02-01T10:00:00Z");
        recoverAndRepay(project, "100000", "2019-12-27", "2019-12-28");
        realTimeAgain();

        JsonNode caseNow = ledger.as("revisor").get("/api/projects/" + project + "?validAt=2019-12-31").body();
        JsonNode caseThen = ledger.as("revisor").get("/api/projects/" + project + "?validAt=2019-12-31&" + midJanuary)
                .body();
        assertThat(LedgerClient.sek(caseNow.get("repaid"))).isEqualByComparingTo("100000");
        assertThat(LedgerClient.sek(caseThen.get("repaid"))).isEqualByComparingTo("0");
        assertThat(LedgerClient.sek(caseThen.get("paid"))).isEqualByComparingTo("300000");

        JsonNode yearEndNow = ledger.as("rapport").get("/api/reports/year-end/2019").body();
        JsonNode yearEndThen = ledger.as("rapport").get("/api/reports/year-end/2019?" + midJanuary).body();
        assertThat(paid2019(yearEndNow).subtract(paid2019(yearEndBefore))).isEqualByComparingTo("200000");
        assertThat(paid2019(yearEndThen).subtract(paid2019(yearEndThenBefore))).isEqualByComparingTo("300000");
        assertThat(ledger.as("rapport").get("/api/reports/commitments?validAt=2019-12-31&" + midJanuary).body()
                .get("lines")).isEqualTo(yearEndThen.get("lines"));

        BigDecimal disbursedNow = projectNet(ledger.as("rapport").get("/api/reports/disbursements?year=2019").body());
        BigDecimal disbursedThen = projectNet(ledger.as("rapport")
                .get("/api/reports/disbursements?year=2019&" + midJanuary).body());
        BigDecimal disbursedThenByItsOlderName = projectNet(ledger.as("rapport")
                .get("/api/reports/disbursements?year=2019&asOf=2020-01-15").body());
        assertThat(disbursedNow.subtract(disbursedBefore)).isEqualByComparingTo("200000");
        assertThat(disbursedThen.subtract(disbursedThenBefore)).isEqualByComparingTo("300000");
        assertThat(disbursedThenByItsOlderName).isEqualByComparingTo(disbursedThen);

        assertThat(framePaid("?validAt=2019-12-31").subtract(framePaidBefore))
                .as("the same-year repayment was credited back to the frame").isEqualByComparingTo("200000");
        assertThat(framePaid("?validAt=2019-12-31&" + midJanuary).subtract(framePaidThenBefore))
                .isEqualByComparingTo("300000");
    }

    @Test
    void historyLoadedTodayShowsIts2019YearEndByValidAtAlone() {
        ledger.allocateFrame("REGIONAL_1_1", 2019, "900000000");
        JsonNode before = ledger.as("rapport").get("/api/reports/year-end/2019").body();
        String project = project2019();
        payable(project, "250000", "2019-11-20");
        String second = proposeAndAttest(project, requisition(project, "2020-01-10", "2020-01-20"), "50000",
                "2020-02-03");
        assertThat(second).isNotNull();

        JsonNode yearEnd = ledger.as("rapport").get("/api/reports/year-end/2019").body();
        assertThat(paid2019(yearEnd).subtract(paid2019(before))).isEqualByComparingTo("250000");
        assertThat(ledger.as("rapport").get("/api/reports/commitments?validAt=2019-12-31").body().get("lines"))
                .isEqualTo(yearEnd.get("lines"));
        JsonNode atYearEnd = ledger.as("revisor").get("/api/projects/" + project + "?validAt=2019-12-31").body();
        assertThat(LedgerClient.sek(atYearEnd.get("paid"))).isEqualByComparingTo("250000");
        assertThat(LedgerClient.sek(ledger.as("revisor").get("/api/projects/" + project).body().get("paid")))
                .isEqualByComparingTo("300000");
        // Known at the end of 2019 the ledger had none of it: it was entered today.
        assertThat(ledger.as("revisor").get("/api/projects/" + project + "?validAt=2019-12-31&knownAt=2019-12-31")
                .status()).isEqualTo(404);
    }

    @Test
    void aBadTimeIsRefusedWithTheRuleAndTheValue() {
        LedgerClient.Response badDate = ledger.as("rapport").get("/api/reports/leverage?year=2019&validAt=31/12/2019");
        assertThat(badDate.status()).isEqualTo(400);
        assertThat(badDate.raw()).contains("validAt").contains("31/12/2019");
        LedgerClient.Response both = ledger.as("rapport")
                .get("/api/reports/leverage?year=2019&knownAt=2020-01-01&asOf=2020-02-01");
        assertThat(both.status()).isEqualTo(400);
        assertThat(both.raw()).contains("asOf").contains("knownAt");
        assertThat(ledger.as("rapport").get("/api/reports/year-end/2019?knownAt=soon").status()).isEqualTo(400);
        assertThat(ledger.as("rapport").get("/api/reports/commitments?validAt=2300-01-01").status()).isEqualTo(400);
    }

    /** Hostile values of both times, on every read that takes them, with ids of other kinds: never a 5xx. */
    @Test
    void hostileTimesAndForeignIdsAreAnsweredNeverWithA5xx() {
        String project = ledger.registerProject();
        String support = ledger.decidedBusinessSupport("1000");
        List<String> values = List.of("", "%20", "%00", "%ED%A0%80", "%F0%9F%92%B0", "+999999999-12-31",
                "-999999999-01-01", "2019-02-30", "2019-12-31T25:00:00Z", "99999999999999999999", "0000-00-00",
                "1899-12-31", "2200-01-01", "2019-12-31", "2020-01-15T12:00:00Z", "x".repeat(5000));
        List<String> paths = List.of("/api/projects/" + project, "/api/projects/" + support,
                "/api/projects/REGIONAL_1_1-2019", "/api/business-supports/" + support,
                "/api/business-supports/" + project, "/api/commercial-service-grants/" + support,
                "/api/appropriations/REGIONAL_1_1/2019", "/api/appropriations/REGIONAL_1_1/1850",
                "/api/reports/leverage?year=2019", "/api/reports/disbursements?year=2019",
                "/api/reports/business-support?year=2019", "/api/reports/goal-areas?year=2019",
                "/api/reports/annual/2019", "/api/reports/commitments", "/api/reports/year-end/2019",
                "/api/reports/year-end/0");
        for (String path : paths) {
            for (String value : values) {
                for (String parameter : List.of("validAt", "knownAt", "asOf")) {
                    String url = path + (path.contains("?") ? "&" : "?") + parameter + "=" + value;
                    LedgerClient.Response answer = ledger.as("revisor").get(url);
                    assertThat(answer.status()).as(url + " " + answer.raw()).isIn(200, 400, 404);
                    if (answer.status() == 400) {
                        assertThat(answer.contentType()).as(url).contains("application/problem+json");
                    }
                }
            }
        }
    }

    // --- the steps -----------------------------------------------------------------------------------------------

    private static void recordedAt(String instant) {
        GenericEventMessage.clock = Clock.fixed(Instant.parse(instant), ZoneOffset.UTC);
    }

    /** Registered, and granted 500 000 of 1:1 on a half-share plan on 2019-03-15. */
    private String project2019() {
        String project = ledger.as("handlaggare").ok("/api/projects", """
                {"diaryNumber":"%s","title":"Projekt 2019","owner":{"name":"Almi Mälardalen","organisationNumber":"556486-7678"},
                 "municipalities":["1980","1981","1982"],"kind":"PROJECT","goalArea":"Tillväxtföretag",
                 "period":{"start":"2019-01-01","end":"2021-12-31"}}""".formatted(LedgerClient.uniqueDiaryNumber()))
                .get("projectId").asText();
        ledger.as("handlaggare").ok("/api/projects/" + project + "/grant-decision/proposal",
                "{\"plan\":" + LedgerClient.plan("500000", "400000", "100000") + "}");
        ledger.as("attestant").ok("/api/projects/" + project + "/grant-decision",
                "{\"decisionNumber\":\"RUN 2019/3\",\"decisionDate\":\"2019-03-15\"}");
        return project;
    }

    /** A requisition of 800 000 of staff costs submitted and approved (400 000 payable), paid {@code kronor}. */
    private void payable(String project, String kronor, String paidOn) {
        proposeAndAttest(project, requisition(project, paidOn, paidOn), kronor, paidOn);
    }

    private String requisition(String project, String submittedOn, String approvedOn) {
        String requisition = ledger.as("handlaggare").ok("/api/projects/" + project + "/requisitions", """
                {"period":{"start":"2019-04-01","end":"2019-09-30"},"costs":{"STAFF":800000},"submittedOn":"%s"}"""
                .formatted(submittedOn)).get("id").asText();
        ledger.as("attestant").ok("/api/projects/" + project + "/requisitions/" + requisition + "/approval",
                "{\"decisionDate\":\"%s\",\"deductions\":[]}".formatted(approvedOn));
        return requisition;
    }

    private String proposeAndAttest(String project, String requisition, String kronor, String paidOn) {
        String payment = ledger.as("handlaggare").ok("/api/projects/" + project + "/payments", """
                {"requisitionId":"%s","amount":%s,"fund":"REGIONAL_1_1","paymentDate":"%s","paymentReference":"UB-%s"}"""
                .formatted(requisition, kronor, paidOn, UUID.randomUUID())).get("id").asText();
        ledger.as("attestant2").ok("/api/projects/" + project + "/payments/" + payment + "/attestation", "{}");
        return payment;
    }

    private void recoverAndRepay(String project, String kronor, String decidedOn, String receivedOn) {
        String recovery = ledger.as("attestant").ok("/api/projects/" + project + "/recoveries", """
                {"decisionDate":"%s","amount":%s,"reason":"costs not eligible"}""".formatted(decidedOn, kronor))
                .get("id").asText();
        ledger.as("handlaggare").ok("/api/projects/" + project + "/repayments", """
                {"recoveryId":"%s","amount":%s,"receivedOn":"%s","reference":"BG %s"}"""
                .formatted(recovery, kronor, receivedOn, UUID.randomUUID()));
    }

    private BigDecimal framePaid(String query) {
        JsonNode frame = ledger.as("revisor").get(FRAME_2019 + query).body();
        assertThat(frame.has("paid")).as(frame.toString()).isTrue();
        return LedgerClient.sek(frame.get("paid"));
    }

    private static BigDecimal paid2019(JsonNode positions) {
        for (JsonNode line : positions.get("lines")) {
            if (line.get("fund").asText().equals("REGIONAL_1_1") && line.get("decisionYear").asInt() == 2019) {
                return line.at("/paid/sek").decimalValue();
            }
        }
        return BigDecimal.ZERO;
    }

    private static BigDecimal projectNet(JsonNode disbursements) {
        for (JsonNode line : disbursements.get("lines")) {
            if (line.get("fund").asText().equals("REGIONAL_1_1") && line.get("supportType").asText().equals("PROJECT")) {
                return line.at("/net/sek").decimalValue();
            }
        }
        return BigDecimal.ZERO;
    }
}
