package se.region.grantledger.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import se.region.grantledger.support.LedgerClient;
import se.region.grantledger.support.LedgerIntegrationTest;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A write answers with the status that already shows it, and promptly: the status projection is woken on
 * commit rather than polled every 500 ms (PromptEventSource). Measured here: a median far below 500 ms.
 */
class ReadYourWritesIT extends LedgerIntegrationTest {

    @Test
    void eachWriteIsVisibleInItsOwnAnswerAndInTheNextRead() {
        String id = ledger.registerProject();
        ledger.decideGrant(id, LedgerClient.plan("5000000", "4000000", "1000000"));
        long[] millis = new long[20];
        for (int i = 0; i < millis.length; i++) {
            long start = System.nanoTime();
            JsonNode created = ledger.ok("/api/projects/" + id + "/requisitions", """
                    {"period":{"start":"2025-04-01","end":"2025-09-30"},"costs":{"STAFF":1000},"submittedOn":"2025-10-15"}""");
            millis[i] = (System.nanoTime() - start) / 1_000_000;
            String requisitionId = created.get("id").asText();
            assertThat(created.at("/project/openRequisitionId").asText()).isEqualTo(requisitionId);
            assertThat(ledger.get("/api/projects/" + id).body().get("requisitionCount").asInt()).isEqualTo(i + 1);
            ledger.ok("/api/projects/" + id + "/requisitions/" + requisitionId + "/rejection",
                    "{\"decisionDate\":\"2025-11-01\",\"reason\":\"incomplete\"}");
        }
        Arrays.sort(millis);
        assertThat(millis[millis.length / 2]).as("median write latency in ms").isLessThan(250);
    }
}
