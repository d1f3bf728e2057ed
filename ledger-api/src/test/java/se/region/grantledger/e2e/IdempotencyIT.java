package se.region.grantledger.e2e;

import org.junit.jupiter.api.Test;
import se.region.grantledger.support.LedgerClient;
import se.region.grantledger.support.LedgerClient.Response;
import se.region.grantledger.support.LedgerIntegrationTest;
import se.region.grantledger.support.Race;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A client that retries a POST with the same Idempotency-Key never pays twice and always hears the same answer. */
class IdempotencyIT extends LedgerIntegrationTest {

    private static Map<String, String> key(String key) {
        return Map.of("Idempotency-Key", key);
    }

    private long paymentsMade(String projectId, String paymentId) {
        return jdbc.queryForObject("SELECT count(*) FROM event_log WHERE aggregate_identifier = ? "
                + "AND payload_type LIKE '%.PaymentMade' AND payload ->> 'paymentId' = ?", Long.class, projectId, paymentId);
    }

    private String projectWithProposedPayment() {
        String id = ledger.registerProject();
        ledger.decideGrant(id, LedgerClient.plan("500000", "400000", "100000"));
        String requisition = ledger.submitRequisition(id, "{\"STAFF\":200000}");
        ledger.approve(id, requisition, "[]");
        return id + "/" + ledger.as("handlaggare").ok("/api/projects/" + id + "/payments", """
                {"requisitionId":"%s","amount":100000,"paymentDate":"2025-11-20","paymentReference":"UB-9"}"""
                .formatted(requisition)).get("id").asText();
    }

    @Test
    void aRepeatWithTheSameKeyAndBodyGetsTheFirstAnswerAndStoresNothing() {
        String id = ledger.registerProject();
        ledger.decideGrant(id, LedgerClient.plan("500000", "400000", "100000"));
        String body = """
                {"period":{"start":"2025-04-01","end":"2025-09-30"},"costs":{"STAFF":1000},"submittedOn":"2025-10-15"}""";
        String idempotencyKey = UUID.randomUUID().toString();
        LedgerClient officer = ledger.as("handlaggare");

        Response first = officer.post("/api/projects/" + id + "/requisitions", body, key(idempotencyKey));
        long events = storedEventCount();
        Response repeat = officer.post("/api/projects/" + id + "/requisitions", body, key(idempotencyKey));

        assertThat(first.status()).isEqualTo(201);
        assertThat(repeat.status()).isEqualTo(201);
        assertThat(repeat.raw()).isEqualTo(first.raw());
        assertThat(repeat.headers().firstValue("Idempotent-Replayed")).contains("true");
        assertThat(storedEventCount()).isEqualTo(events);
        assertThat(ledger.get("/api/projects/" + id).body().get("requisitionCount").asInt()).isEqualTo(1);
    }

    @Test
    void theSameKeyWithAnotherBodyIsRefused() {
        String id = ledger.registerProject();
        ledger.decideGrant(id, LedgerClient.plan("500000", "400000", "100000"));
        String idempotencyKey = UUID.randomUUID().toString();
        LedgerClient officer = ledger.as("handlaggare");
        officer.post("/api/projects/" + id + "/requisitions", """
                {"period":{"start":"2025-04-01","end":"2025-09-30"},"costs":{"STAFF":1000},"submittedOn":"2025-10-15"}""",
                key(idempotencyKey));
        long events = storedEventCount();

        Response reused = officer.post("/api/projects/" + id + "/requisitions", """
                {"period":{"start":"2025-04-01","end":"2025-09-30"},"costs":{"STAFF":2000},"submittedOn":"2025-10-15"}""",
                key(idempotencyKey));

        assertThat(reused.status()).isEqualTo(422);
        assertThat(reused.problemType()).isEqualTo("urn:grant-ledger:rule:idempotency-key-reused");
        assertThat(storedEventCount()).isEqualTo(events);
    }

    @Test
    void twentyConcurrentRetriesOfOnePaymentPayOnceAndAllHearTheSameAnswer() throws Exception {
        String[] projectAndPayment = projectWithProposedPayment().split("/");
        String id = projectAndPayment[0];
        String payment = projectAndPayment[1];
        String idempotencyKey = UUID.randomUUID().toString();
        LedgerClient attester = ledger.as("attestant2");
        List<Response> responses = Race.of(20, i -> attester.post(
                "/api/projects/" + id + "/payments/" + payment + "/attestation", "{}", key(idempotencyKey)));

        assertThat(responses).extracting(Response::status).containsOnly(200);
        assertThat(responses).extracting(Response::raw).containsOnly(responses.get(0).raw());
        assertThat(paymentsMade(id, payment)).isEqualTo(1);
        assertThat(ledger.get("/api/projects/" + id).body().get("paid").decimalValue()).isEqualByComparingTo("100000");
    }

    @Test
    void keysBelongToTheUserWhoSentThem() {
        String id = ledger.registerProject();
        ledger.decideGrant(id, LedgerClient.plan("500000", "400000", "100000"));
        String idempotencyKey = UUID.randomUUID().toString();
        String body = """
                {"period":{"start":"2025-04-01","end":"2025-09-30"},"costs":{"STAFF":1000},"submittedOn":"2025-10-15"}""";
        assertThat(ledger.as("handlaggare").post("/api/projects/" + id + "/requisitions", body, key(idempotencyKey))
                .status()).isEqualTo(201);
        // the same key from someone else is their own request: here refused by the one-open-requisition rule
        Response other = ledger.as("enhetschef").post("/api/projects/" + id + "/requisitions", body, key(idempotencyKey));
        assertThat(other.problemType()).isEqualTo("urn:grant-ledger:rule:one-open-requisition");
    }
}
