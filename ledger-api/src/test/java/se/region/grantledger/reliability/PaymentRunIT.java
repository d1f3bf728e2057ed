package se.region.grantledger.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import se.region.grantledger.support.LedgerClient;
import se.region.grantledger.support.LedgerClient.Response;
import se.region.grantledger.support.LedgerIntegrationTest;
import se.region.grantledger.support.Race;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A month-end payment run: 120 attestations sent at the same moment, over 10 projects whose payments all draw
 * on one year's frame (a snapshot of which is taken every 10 events here, while the others wait for its lock).
 * Every one is answered, none with a 5xx, each within {@link #BOUND}, and the frame's paid figure rises by
 * exactly the sum of the payments.
 */
class PaymentRunIT extends LedgerIntegrationTest {

    private static final int PROJECTS = 10;
    private static final int PAYMENTS_PER_PROJECT = 12;
    private static final Duration BOUND = Duration.ofSeconds(10);

    record Proposal(String projectId, String paymentId) {
    }

    record Timed(Response response, Duration took) {
    }

    @Test
    void aPaymentRunOfSimultaneousAttestationsIsAnsweredInFullWithoutA5xx() throws Exception {
        List<Proposal> proposals = new ArrayList<>();
        for (int p = 0; p < PROJECTS; p++) {
            String projectId = ledger.registerProject();
            ledger.decideGrant(projectId, LedgerClient.plan("500000", "400000", "100000"));
            for (int i = 0; i < PAYMENTS_PER_PROJECT; i++) {
                JsonNode proposed = ledger.as("handlaggare").ok("/api/projects/" + projectId + "/advances", """
                        {"amount":1000,"paymentDate":"2025-06-30","paymentReference":"UB-RUN","reason":"månadsbetalning"}""");
                proposals.add(new Proposal(projectId, proposed.get("id").asText()));
            }
        }
        BigDecimal paidBefore = LedgerClient.sek(ledger.get("/api/appropriations/REGIONAL_1_1/2025").body().get("paid"));

        List<Timed> answers = Race.of(proposals.size(), i -> {
            long started = System.nanoTime();
            Response attested = ledger.attest(proposals.get(i).projectId(), proposals.get(i).paymentId(), "attestant");
            return new Timed(attested, Duration.ofNanos(System.nanoTime() - started));
        });

        Duration slowest = answers.stream().map(Timed::took).max(Duration::compareTo).orElseThrow();
        System.out.println("Payment run: " + answers.size() + " attestations, slowest answer " + slowest.toMillis() + " ms");
        assertThat(answers).allSatisfy(answer -> {
            assertThat(answer.response().status()).as(answer.response().raw()).isBetween(200, 299);
            assertThat(answer.took()).isLessThan(BOUND);
        });
        BigDecimal paidAfter = LedgerClient.sek(ledger.get("/api/appropriations/REGIONAL_1_1/2025").body().get("paid"));
        assertThat(paidAfter.subtract(paidBefore)).isEqualByComparingTo(BigDecimal.valueOf(PROJECTS * PAYMENTS_PER_PROJECT * 1000L));
    }
}
