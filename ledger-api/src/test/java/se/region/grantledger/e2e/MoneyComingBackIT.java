package se.region.grantledger.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import se.region.grantledger.support.LedgerClient;
import se.region.grantledger.support.LedgerClient.Response;
import se.region.grantledger.support.LedgerIntegrationTest;

import java.math.BigDecimal;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Money that comes back (docs/adr/0014), over HTTP, on projects and business support alike: a repayment in the
 * payment's own year is credited back to the frame and may be paid again or is released at closure; one in a later
 * year goes to the state. After every step the case, its frame and the commitments report tell the same story.
 * The frames are shared with other tests, so each figure is read as the change this test made.
 */
class MoneyComingBackIT extends LedgerIntegrationTest {

    private static final String FRAME = "/api/appropriations/REGIONAL_1_1/2025";
    private static final String HALF = LedgerClient.plan("200000", "150000", "50000");

    @Test
    void aProjectRepaidInThePaymentsYearReleasesTheRepaidMoneyAtClosureInCaseAndFrame() {
        Frame before = frame();
        String project = paidProject();
        recoverAndRepay("/api/projects/" + project, "50000", "2025-12-10");

        JsonNode status = ledger.get("/api/projects/" + project).body();
        assertThat(amount(status, "remaining")).isEqualByComparingTo("50000");
        assertThat(amount(status, "returnedToState")).isEqualByComparingTo("0");
        assertThat(frame().minus(before)).isEqualTo(new Frame("200000", "150000", "50000", "0", "0"));

        JsonNode closed = ledger.as("attestant").ok("/api/projects/" + project + "/closure", "{\"closedOn\":\"2026-06-30\"}");
        assertThat(amount(closed, "released")).isEqualByComparingTo("50000");
        assertThat(frame().minus(before)).as("case released = frame released")
                .isEqualTo(new Frame("150000", "150000", "0", "50000", "0"));
    }

    @Test
    void aProjectMayBePaidAgainWhatCameBackInThePaymentsYear() {
        Frame before = frame();
        String project = paidProject();
        recoverAndRepay("/api/projects/" + project, "50000", "2025-12-10");

        String more = ledger.submitRequisition(project, "{\"STAFF\":100000}");
        JsonNode approved = ledger.approve(project, more, "[]");
        assertThat(amount(approved, "payable")).isEqualByComparingTo("250000");
        Response paidAgain = ledger.pay(project, more, "50000");
        assertThat(paidAgain.status()).as(paidAgain.raw()).isEqualTo(200);
        assertThat(amount(paidAgain.body(), "netPaid")).isEqualByComparingTo("200000");
        assertThat(amount(paidAgain.body(), "remaining")).isEqualByComparingTo("0");
        assertThat(frame().minus(before)).isEqualTo(new Frame("200000", "200000", "0", "0", "0"));

        JsonNode closed = ledger.as("attestant").ok("/api/projects/" + project + "/closure", "{\"closedOn\":\"2026-06-30\"}");
        assertThat(amount(closed, "released")).isEqualByComparingTo("0");
        assertThat(frame().minus(before)).isEqualTo(new Frame("200000", "200000", "0", "0", "0"));
    }

    @Test
    void aProjectRepaidInALaterYearReturnsTheMoneyToTheStateAndIsNotPaidItAgain() {
        Frame before = frame();
        String project = paidProject();
        recoverAndRepay("/api/projects/" + project, "50000", "2026-02-01");

        JsonNode status = ledger.get("/api/projects/" + project).body();
        assertThat(amount(status, "remaining")).isEqualByComparingTo("0");
        assertThat(amount(status, "returnedToState")).isEqualByComparingTo("50000");
        assertThat(frame().minus(before)).isEqualTo(new Frame("200000", "200000", "0", "0", "50000"));

        String more = ledger.submitRequisition(project, "{\"STAFF\":100000}");
        ledger.approve(project, more, "[]");
        long events = storedEventCount();
        Response refused = ledger.pay(project, more, "50000");
        assertThat(refused.status()).as(refused.raw()).isEqualTo(422);
        assertThat(refused.body().get("rule").asText()).isEqualTo("cumulative-payments-within-grant");
        assertThat(refused.body().at("/figures/remaining").decimalValue()).isEqualByComparingTo("0");
        assertThat(refused.body().at("/figures/returnedToState").decimalValue()).isEqualByComparingTo("50000");
        assertThat(storedEventCount()).isEqualTo(events);

        JsonNode closed = ledger.as("attestant").ok("/api/projects/" + project + "/closure", "{\"closedOn\":\"2026-06-30\"}");
        assertThat(amount(closed, "released")).isEqualByComparingTo("0");
        assertThat(frame().minus(before)).isEqualTo(new Frame("200000", "200000", "0", "0", "50000"));
    }

    @Test
    void aBusinessSupportPaysAgainWhatCameBackInThePaymentsYearAndTheFrameDrawsAllOfIt() {
        Frame before = frame();
        String support = ledger.decidedBusinessSupport("200000");
        String path = "/api/business-supports/" + support;
        paySupport(path, "150000", "2025-07-01");
        recoverAndRepay(path, "20000", "2025-09-01");

        JsonNode paid = paySupport(path, "60000", "2025-10-01");
        assertThat(amount(paid, "paid")).isEqualByComparingTo("210000");
        assertThat(amount(paid, "remaining")).isEqualByComparingTo("10000");
        assertThat(frame().minus(before)).as("the frame draws every krona the case pays")
                .isEqualTo(new Frame("200000", "190000", "10000", "0", "0"));

        JsonNode closed = ledger.as("attestant").ok(path + "/closure", "{\"closedOn\":\"2025-12-15\"}");
        assertThat(amount(closed, "released")).isEqualByComparingTo("10000");
        assertThat(frame().minus(before)).isEqualTo(new Frame("190000", "190000", "0", "10000", "0"));
    }

    @Test
    void aBusinessSupportRepaidInALaterYearIsRefusedAPaymentBeyondWhatIsLeft() {
        Frame before = frame();
        String support = ledger.decidedBusinessSupport("200000");
        String path = "/api/business-supports/" + support;
        paySupport(path, "150000", "2025-07-01");
        recoverAndRepay(path, "20000", "2026-01-15");

        long events = storedEventCount();
        Response refused = ledger.as("handlaggare").post(path + "/payments", payment("60000", "2026-02-01"));
        assertThat(refused.status()).as(refused.raw()).isEqualTo(422);
        assertThat(refused.body().get("rule").asText()).isEqualTo("cumulative-payments-within-grant");
        assertThat(refused.body().at("/figures/remaining").decimalValue()).isEqualByComparingTo("50000");
        assertThat(storedEventCount()).isEqualTo(events);

        JsonNode withdrawn = ledger.as("attestant").ok(path + "/withdrawal",
                "{\"decisionDate\":\"2026-03-01\",\"reason\":\"the company closed\"}");
        assertThat(amount(withdrawn, "released")).isEqualByComparingTo("50000");
        assertThat(amount(withdrawn, "returnedToState")).isEqualByComparingTo("20000");
        assertThat(frame().minus(before)).isEqualTo(new Frame("150000", "150000", "0", "50000", "20000"));
    }

    // --- the steps, as finance staff take them ---------------------------------------------------------------

    /** A project granted 200 000 of 1:1 on a half-share plan and paid all of it on 2025-11-20. */
    private String paidProject() {
        String project = ledger.registerProject();
        ledger.decideGrant(project, HALF);
        String requisition = ledger.submitRequisition(project, "{\"STAFF\":400000}");
        ledger.approve(project, requisition, "[]");
        Response paid = ledger.pay(project, requisition, "200000");
        assertThat(paid.status()).as(paid.raw()).isEqualTo(200);
        return project;
    }

    private void recoverAndRepay(String casePath, String kronor, String receivedOn) {
        String recovery = ledger.as("attestant").ok(casePath + "/recoveries", """
                {"decisionDate":"2025-11-25","amount":%s,"reason":"costs not eligible"}""".formatted(kronor))
                .get("id").asText();
        ledger.as("handlaggare").ok(casePath + "/repayments", """
                {"recoveryId":"%s","amount":%s,"receivedOn":"%s","reference":"BG %s"}"""
                .formatted(recovery, kronor, receivedOn, UUID.randomUUID()));
    }

    private JsonNode paySupport(String casePath, String kronor, String date) {
        String id = ledger.as("handlaggare").ok(casePath + "/payments", payment(kronor, date)).get("id").asText();
        return ledger.as("attestant2").ok(casePath + "/payments/" + id + "/attestation", "{}");
    }

    private static String payment(String kronor, String date) {
        return "{\"amount\":%s,\"paymentDate\":\"%s\",\"paymentReference\":\"UB-%s\"}".formatted(kronor, date,
                UUID.randomUUID());
    }

    private static BigDecimal amount(JsonNode view, String field) {
        JsonNode value = view.has(field) ? view.get(field) : view.path("supportCase").get(field);
        return value.decimalValue();
    }

    /** The frame's figures, and the commitments report's for the same fund and year, which must agree with them. */
    private Frame frame() {
        ledger.ensureRoomyFrames();
        JsonNode frame = ledger.get(FRAME).body();
        JsonNode report = ledger.get("/api/reports/commitments?asOf=2030-12-31").body();
        for (JsonNode line : report.get("lines")) {
            if (line.get("fund").asText().equals("REGIONAL_1_1") && line.get("decisionYear").asInt() == 2025) {
                assertThat(line.at("/paid/sek").decimalValue()).as("commitments report paid")
                        .isEqualByComparingTo(frame.get("paid").decimalValue());
                assertThat(line.at("/outstanding/sek").decimalValue()).as("commitments report outstanding")
                        .isEqualByComparingTo(frame.get("outstanding").decimalValue());
                assertThat(line.at("/released/sek").decimalValue()).as("commitments report released")
                        .isEqualByComparingTo(frame.get("released").decimalValue());
                assertThat(line.at("/returnedToState/sek").decimalValue()).as("commitments report to the state")
                        .isEqualByComparingTo(frame.get("returnedToState").decimalValue());
            }
        }
        return new Frame(frame.get("committed").decimalValue(), frame.get("paid").decimalValue(),
                frame.get("outstanding").decimalValue(), frame.get("released").decimalValue(),
                frame.get("returnedToState").decimalValue());
    }

    /** A frame's figures, or the change in them; compared as plain numbers, scale aside. */
    private record Frame(BigDecimal committed, BigDecimal paid, BigDecimal outstanding, BigDecimal released,
                         BigDecimal returnedToState) {

        Frame(String committed, String paid, String outstanding, String released, String returnedToState) {
            this(new BigDecimal(committed), new BigDecimal(paid), new BigDecimal(outstanding), new BigDecimal(released),
                    new BigDecimal(returnedToState));
        }

        Frame minus(Frame before) {
            return new Frame(committed.subtract(before.committed).stripTrailingZeros(),
                    paid.subtract(before.paid).stripTrailingZeros(),
                    outstanding.subtract(before.outstanding).stripTrailingZeros(),
                    released.subtract(before.released).stripTrailingZeros(),
                    returnedToState.subtract(before.returnedToState).stripTrailingZeros());
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Frame that && committed.compareTo(that.committed) == 0
                    && paid.compareTo(that.paid) == 0 && outstanding.compareTo(that.outstanding) == 0
                    && released.compareTo(that.released) == 0 && returnedToState.compareTo(that.returnedToState) == 0;
        }

        @Override
        public int hashCode() {
            return 0;
        }
    }
}
