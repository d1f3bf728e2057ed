package se.region.grantledger.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import se.region.grantledger.support.LedgerClient;
import se.region.grantledger.support.LedgerIntegrationTest;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The project list filters by status, decision year and municipality, and pages. */
class ProjectListIT extends LedgerIntegrationTest {

    @Test
    void filtersByStatusYearAndMunicipalityAndPages() {
        String pilotInNorberg = ledger.registerProject("PILOT", "[\"1962\"]");
        ledger.decideGrant(pilotInNorberg, LedgerClient.plan("100000", "100000", "50000"));
        String registeredInNorberg = ledger.registerProject("PROJECT", "[\"1962\",\"1980\",\"1981\"]");

        List<String> grantedInNorberg = ids(ledger.get("/api/projects?status=GRANTED&decisionYear=2025&municipality=1962&size=200").body());
        assertThat(grantedInNorberg).contains(pilotInNorberg).doesNotContain(registeredInNorberg);
        List<String> registered = ids(ledger.get("/api/projects?status=REGISTERED&municipality=1962&size=200").body());
        assertThat(registered).contains(registeredInNorberg).doesNotContain(pilotInNorberg);
        assertThat(ids(ledger.get("/api/projects?decisionYear=1999").body())).isEmpty();

        JsonNode firstPage = ledger.get("/api/projects?municipality=1962&size=1&page=0").body();
        assertThat(firstPage.get("items")).hasSize(1);
        assertThat(firstPage.get("totalItems").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(firstPage.get("totalPages").asInt()).isEqualTo(firstPage.get("totalItems").asInt());
        JsonNode secondPage = ledger.get("/api/projects?municipality=1962&size=1&page=1").body();
        assertThat(ids(secondPage)).doesNotContainAnyElementsOf(ids(firstPage));
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("items").forEach(item -> ids.add(item.get("projectId").asText()));
        return ids;
    }
}
