package se.region.grantledger.e2e;

import org.junit.jupiter.api.Test;
import se.region.grantledger.support.LedgerClient;
import se.region.grantledger.support.LedgerClient.Response;
import se.region.grantledger.support.LedgerIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** Malformed input is a 400 naming the field, unknown ids a 404, state conflicts a 409; none stores anything. */
class RefusalsIT extends LedgerIntegrationTest {

    private Response refused(String path, String body, int status) {
        long before = storedEventCount();
        Response response = ledger.post(path, body);
        assertThat(response.status()).as(response.raw()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.raw()).doesNotContain("Exception", "se.region.grantledger", "\tat ");
        assertThat(storedEventCount()).isEqualTo(before);
        return response;
    }

    private static String registration(String organisationNumber, String municipalities) {
        return """
                {"diaryNumber":"%s","title":"T","owner":{"name":"Almi","organisationNumber":"%s"},
                 "municipalities":%s,"kind":"PROJECT","goalArea":"x","period":{"start":"2025-04-01","end":"2028-03-31"}}"""
                .formatted(LedgerClient.uniqueDiaryNumber(), organisationNumber, municipalities);
    }

    @Test
    void anOrganisationNumberWithAWrongCheckDigitIsRefused() {
        Response response = refused("/api/projects", registration("556486-7677", "[\"1980\",\"1981\",\"1982\"]"), 400);
        assertThat(response.body().at("/errors/0/field").asText()).isEqualTo("owner.organisationNumber");
        assertThat(response.body().get("detail").asText()).contains("556486-7677", "check digit");
    }

    @Test
    void aMunicipalityOutsideTheCountyIsRefused() {
        Response response = refused("/api/projects", registration("556486-7678", "[\"1980\",\"0180\"]"), 400);
        assertThat(response.body().at("/errors/0/field").asText()).isEqualTo("municipalities[1]");
        assertThat(response.body().get("detail").asText()).contains("0180");
    }

    @Test
    void missingFieldsAreListed() {
        Response response = refused("/api/projects", "{\"title\":\"\"}", 400);
        assertThat(response.body().get("errors").findValuesAsText("field"))
                .contains("diaryNumber", "title", "owner", "municipalities", "kind", "goalArea", "period");
    }

    @Test
    void malformedJsonIsRefused() {
        Response response = refused("/api/projects", "{\"title\": ", 400);
        assertThat(response.problemType()).isEqualTo("urn:grant-ledger:invalid:request");
    }

    @Test
    void aPeriodThatEndsBeforeItStartsIsRefused() {
        String id = ledger.registerProject();
        ledger.decideGrant(id, LedgerClient.plan("500000", "400000", "100000"));
        Response response = refused("/api/projects/" + id + "/requisitions", """
                {"period":{"start":"2025-09-30","end":"2025-04-01"},"costs":{"STAFF":1},"submittedOn":"2025-10-15"}""", 400);
        assertThat(response.body().at("/errors/0/field").asText()).isEqualTo("period");
    }

    @Test
    void amountsWithFractionsOfAnOreOrBelowZeroAreRefused() {
        String id = ledger.registerProject();
        refused("/api/projects/" + id + "/grant-decision/proposal", """
                {"plan":[{"funder":"R","category":"REGIONAL_1_1","form":"CASH","amount":-5}]}""", 400);
        Response response = refused("/api/projects/" + id + "/grant-decision/proposal", """
                {"plan":[{"funder":"R","category":"REGIONAL_1_1","form":"CASH","amount":1.005}]}""", 400);
        assertThat(response.body().at("/errors/0/field").asText()).isEqualTo("plan[0].amount");
    }

    @Test
    void anUnknownCategoryNamesTheAllowedOnes() {
        String id = ledger.registerProject();
        Response response = refused("/api/projects/" + id + "/grant-decision/proposal", """
                {"plan":[{"funder":"R","category":"EU","form":"CASH","amount":5}]}""", 400);
        assertThat(response.body().get("detail").asText()).contains("plan[0].category", "ERUF", "VINNOVA");
    }

    @Test
    void aBadDateIsRefused() {
        String id = ledger.registerProject();
        Response response = refused("/api/projects/" + id + "/withdrawal", """
                {"decisionDate":"2025-13-01","reason":"x"}""", 400);
        assertThat(response.body().at("/errors/0/field").asText()).isEqualTo("decisionDate");
    }

    @Test
    void anUnknownProjectIsNotFound() {
        refused("/api/projects/no-such-project/grant-decision", """
                {"decisionNumber":"1","decisionDate":"2025-03-20",
                 "plan":[{"funder":"R","category":"REGIONAL_1_1","form":"CASH","amount":5}]}""", 404);
        assertThat(ledger.get("/api/projects/no-such-project").status()).isEqualTo(404);
        assertThat(ledger.get("/api/projects/no-such-project/events").status()).isEqualTo(404);
    }

    @Test
    void anUnknownRequisitionIsNotFound() {
        String id = ledger.registerProject();
        ledger.decideGrant(id, LedgerClient.plan("500000", "400000", "100000"));
        refused("/api/projects/" + id + "/requisitions/nope/approval", "{\"decisionDate\":\"2025-11-01\"}", 404);
    }

    @Test
    void aSecondGrantDecisionIsAConflict() {
        String id = ledger.registerProject();
        ledger.decideGrant(id, LedgerClient.plan("500000", "400000", "100000"));
        Response response = refused("/api/projects/" + id + "/grant-decision", """
                {"decisionNumber":"2","decisionDate":"2025-03-21"}""", 409);
        assertThat(response.problemType()).isEqualTo("urn:grant-ledger:conflict:already-decided");
    }

    @Test
    void nothingIsRequisitionedAfterClosure() {
        String id = ledger.registerProject();
        ledger.decideGrant(id, LedgerClient.plan("500000", "400000", "100000"));
        ledger.ok("/api/projects/" + id + "/closure", "{\"closedOn\":\"2026-01-01\"}");
        Response response = refused("/api/projects/" + id + "/requisitions", """
                {"period":{"start":"2025-04-01","end":"2025-09-30"},"costs":{"STAFF":1},"submittedOn":"2025-10-15"}""", 409);
        assertThat(response.problemType()).isEqualTo("urn:grant-ledger:conflict:case-closed");
    }

    @Test
    void badListParametersAreRefused() {
        assertThat(ledger.get("/api/projects?status=SOMETIMES").status()).isEqualTo(400);
        assertThat(ledger.get("/api/projects?municipality=0180").status()).isEqualTo(400);
        assertThat(ledger.get("/api/projects?size=100000").status()).isEqualTo(400);
        assertThat(ledger.get("/api/projects?decisionYear=soon").status()).isEqualTo(400);
    }

    @Test
    void emptyEntriesInListsAreRefusedAndNothingIsStored() {
        Response municipality = refused("/api/projects", registration("556486-7678", "[\"1980\",null]"), 400);
        assertThat(municipality.body().get("errors").findValuesAsText("field").get(0)).startsWith("municipalities");

        String id = ledger.registerProject();
        refused("/api/projects/" + id + "/grant-decision/proposal",
                "{\"plan\":" + LedgerClient.plan("500000", "400000", "100000") + ",\"conditions\":[\"ok\",null]}", 400);
        ledger.decideGrant(id, LedgerClient.plan("500000", "400000", "100000"));
        refused("/api/projects/" + id + "/requisitions", """
                {"period":{"start":"2025-04-01","end":"2025-09-30"},"costs":{"STAFF":1},"coFinancingReceived":{"ERUF":null},
                 "submittedOn":"2025-10-15"}""", 400);
        String requisition = ledger.submitRequisition(id, "{\"STAFF\":1000}");
        ledger = ledger.as("attestant");
        refused("/api/projects/" + id + "/requisitions/" + requisition + "/approval",
                "{\"decisionDate\":\"2025-11-01\",\"deductions\":[null]}", 400);
    }
}
