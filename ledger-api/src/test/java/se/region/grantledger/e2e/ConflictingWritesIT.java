package se.region.grantledger.e2e;

import org.junit.jupiter.api.Test;
import se.region.grantledger.support.LedgerClient;
import se.region.grantledger.support.LedgerClient.Response;
import se.region.grantledger.support.LedgerIntegrationTest;
import se.region.grantledger.support.Race;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** ETag and If-Match on cases; racing writes end in one winner and clear refusals, never a 500. */
class ConflictingWritesIT extends LedgerIntegrationTest {

    private static final String REQUISITION = """
            {"period":{"start":"2025-04-01","end":"2025-09-30"},"costs":{"STAFF":1000},"submittedOn":"2025-10-15"}""";

    @Test
    void aWriteWithAStaleIfMatchIsRefusedAndChangesNothing() {
        String id = ledger.registerProject();
        ledger.decideGrant(id, LedgerClient.plan("500000", "400000", "100000"));
        Response read = ledger.get("/api/projects/" + id);
        String etag = read.headers().firstValue("ETag").orElseThrow();
        assertThat(etag).isEqualTo("\"" + read.body().get("version").asLong() + "\"");

        LedgerClient officer = ledger.as("handlaggare");
        String requisition = officer.post("/api/projects/" + id + "/requisitions", REQUISITION, Map.of("If-Match", etag))
                .body().get("id").asText();
        long events = storedEventCount();
        Response stale = ledger.as("attestant").post("/api/projects/" + id + "/requisitions/" + requisition + "/approval",
                "{\"decisionDate\":\"2025-11-01\"}", Map.of("If-Match", etag));

        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.problemType()).isEqualTo("urn:grant-ledger:conflict:stale-version");
        assertThat(stale.body().at("/figures/currentVersion").asLong()).isEqualTo(read.body().get("version").asLong() + 1);
        assertThat(storedEventCount()).isEqualTo(events);

        String current = ledger.get("/api/projects/" + id).headers().firstValue("ETag").orElseThrow();
        Response fresh = ledger.as("attestant").post("/api/projects/" + id + "/requisitions/" + requisition + "/approval",
                "{\"decisionDate\":\"2025-11-01\"}", Map.of("If-Match", current));
        assertThat(fresh.status()).isEqualTo(200);
        assertThat(fresh.headers().firstValue("ETag")).isPresent().isNotEqualTo(current);
    }

    @Test
    void anIfMatchThatIsNoVersionIsRefused() {
        String id = ledger.registerProject();
        Response response = ledger.as("handlaggare").post("/api/projects/" + id + "/grant-decision/proposal",
                "{\"plan\":" + LedgerClient.plan("500000", "400000", "100000") + "}", Map.of("If-Match", "\"abc\""));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.problemType()).isEqualTo("urn:grant-ledger:invalid:invalid-if-match");
    }

    @Test
    void twentyRacingRequisitionsLeaveOneWinnerAndNoServerError() throws Exception {
        String id = ledger.registerProject();
        ledger.decideGrant(id, LedgerClient.plan("500000", "400000", "100000"));
        LedgerClient officer = ledger.as("handlaggare");
        List<Response> responses = Race.of(20, i -> officer.post("/api/projects/" + id + "/requisitions", REQUISITION));

        for (Response response : responses) {
            if (response.status() != 201) {
                assertThat(response.problemType()).isIn("urn:grant-ledger:rule:one-open-requisition",
                        "urn:grant-ledger:conflict:concurrent-write");
            }
        }
        assertThat(responses).filteredOn(response -> response.status() == 201).hasSize(1);
        assertThat(responses).allMatch(response -> response.status() < 500);
        assertThat(ledger.get("/api/projects/" + id).body().get("requisitionCount").asInt()).isEqualTo(1);
    }
}
