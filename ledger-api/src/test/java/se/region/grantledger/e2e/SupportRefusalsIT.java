package se.region.grantledger.e2e;

import org.junit.jupiter.api.Test;
import se.region.grantledger.support.LedgerClient;
import se.region.grantledger.support.LedgerClient.Response;
import se.region.grantledger.support.LedgerIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The business-support, commercial-service, frame and undertaking endpoints given bad input: a clear problem
 * (400, 404 or 409), never a 5xx, and nothing stored.
 */
class SupportRefusalsIT extends LedgerIntegrationTest {

    private Response refused(String method, String user, String path, String body, int status) {
        long before = storedEventCount();
        LedgerClient as = ledger.as(user);
        Response response = switch (method) {
            case "GET" -> as.get(path);
            case "PUT" -> as.put(path, body);
            default -> as.post(path, body);
        };
        assertThat(response.status()).as(response.raw()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.raw()).doesNotContain("Exception", "se.region.grantledger", "\tat ");
        assertThat(storedEventCount()).isEqualTo(before);
        return response;
    }

    private static String company(String organisationNumber, String municipality, String type, String fund) {
        return """
                {"diaryNumber":"%s","company":{"organisationNumber":"%s","name":"AB","municipality":"%s",
                 "ledByWoman":false,"ledByPersonBornAbroad":false},"supportType":"%s","fund":"%s","purpose":"x"}"""
                .formatted(LedgerClient.uniqueDiaryNumber(), organisationNumber, municipality, type, fund);
    }

    @Test
    void aCompanyWithABadOrganisationNumberOrMunicipalityIsRefused() {
        Response luhn = refused("POST", "handlaggare", "/api/business-supports",
                company("556036-0794", "1981", "CONSULTANCY_CHECK", "REGIONAL_1_1"), 400);
        assertThat(luhn.body().get("detail").asText()).contains("check digit");
        refused("POST", "handlaggare", "/api/business-supports",
                company(LedgerClient.uniqueOrganisationNumber(), "0180", "CONSULTANCY_CHECK", "REGIONAL_1_1"), 400);
        refused("POST", "handlaggare", "/api/business-supports", "{\"company\":{\"name\":\"AB\"}}", 400);
    }

    /** The shared payment endpoint takes a requisition for projects; business support has none. */
    @Test
    void aBusinessSupportPaymentNamingARequisitionIsA400AndStoresNothing() {
        String id = ledger.decidedBusinessSupport("1000");
        long before = storedEventCount();
        Response response = ledger.as("handlaggare").post("/api/business-supports/" + id + "/payments",
                "{\"requisitionId\":\"r-1\",\"amount\":100,\"paymentDate\":\"2025-07-01\",\"paymentReference\":\"UB\"}");
        assertThat(response.status()).as(response.raw()).isEqualTo(400);
        assertThat(response.problemType()).isEqualTo("urn:grant-ledger:invalid:no-requisitions");
        assertThat(response.body().get("detail").asText()).contains("requisitions belong to project grants");
        assertThat(storedEventCount()).isEqualTo(before);
    }

    @Test
    void tillvaxtverketMoneyOnlyForTheChecksIsA400NamingBoth() {
        Response response = refused("POST", "handlaggare", "/api/business-supports",
                company(LedgerClient.uniqueOrganisationNumber(), "1981", "INVESTMENT_GRANT", "TILLVAXTVERKET"), 400);
        assertThat(response.problemType()).isEqualTo("urn:grant-ledger:invalid:fund-not-for-support-type");
    }

    @Test
    void aDecisionForACompanyWithoutAnUndertakingIsAConflictThatSaysWhatToDo() {
        ledger.ensureEuroRate("2025-06-02", "11.00");
        String id = ledger.registerBusinessSupport(LedgerClient.uniqueOrganisationNumber(), "1981", "CONSULTANCY_CHECK",
                "REGIONAL_1_1");
        Response response = refused("POST", "attestant", "/api/business-supports/" + id + "/decision",
                "{\"decisionNumber\":\"1\",\"decisionDate\":\"2025-06-02\",\"amount\":1000}", 409);
        assertThat(response.problemType()).isEqualTo("urn:grant-ledger:conflict:company-without-undertaking");
        assertThat(response.body().get("detail").asText()).contains("register it");
    }

    @Test
    void aCompanyCountsInOneUndertaking() {
        String company = LedgerClient.uniqueOrganisationNumber();
        String first = ledger.registerUndertaking(company);
        Response response = refused("POST", "handlaggare", "/api/undertakings",
                "{\"name\":\"Annan koncern\",\"companies\":[\"" + company + "\"]}", 409);
        assertThat(response.body().get("detail").asText()).contains(first);
    }

    @Test
    void framesNeedAKnownFundAPlausibleYearAndAnAmount() {
        refused("PUT", "attestant", "/api/appropriations/NO_SUCH_FUND/2025", "{\"frame\":1,\"reference\":\"x\"}", 400);
        refused("PUT", "attestant", "/api/appropriations/REGIONAL_1_1/1800", "{\"frame\":1,\"reference\":\"x\"}", 400);
        refused("PUT", "attestant", "/api/appropriations/REGIONAL_1_1/2025", "{\"frame\":1.001,\"reference\":\"x\"}", 400);
        refused("PUT", "attestant", "/api/appropriations/REGIONAL_1_1/2025", "{\"frame\":-5,\"reference\":\"x\"}", 400);
        refused("GET", "rapport", "/api/appropriations/REGIONAL_DEVELOPMENT/2099", null, 404);
    }

    @Test
    void unknownCasesPaymentsAndUndertakingsAre404() {
        refused("POST", "attestant", "/api/business-supports/no-such-case/decision",
                "{\"decisionNumber\":\"1\",\"decisionDate\":\"2025-06-02\",\"amount\":1000}", 404);
        String id = ledger.decidedCommercialService("1000");
        refused("POST", "attestant", "/api/commercial-service-grants/" + id + "/payments/no-such-payment/attestation",
                "{}", 404);
        refused("GET", "rapport", "/api/undertakings/no-such-undertaking/de-minimis", null, 404);
        refused("GET", "rapport", "/api/business-supports/no-such-case", null, 404);
    }

    @Test
    void malformedValuesAreA400() {
        String id = ledger.registerCommercialService("1000");
        refused("POST", "attestant", "/api/commercial-service-grants/" + id + "/decision",
                "{\"decisionNumber\":\"1\",\"decisionDate\":\"2025-02-30\",\"amount\":100}", 400);
        refused("POST", "attestant", "/api/commercial-service-grants/" + id + "/decision",
                "{\"decisionNumber\":\"1\",\"decisionDate\":\"2025-02-01\",\"amount\":100.001}", 400);
        refused("POST", "handlaggare", "/api/commercial-service-grants", """
                {"diaryNumber":"X1","recipient":{"name":"Sala kommun","organisationNumber":"212000-2080"},
                 "recipientKind":"MUNICIPALITY","municipality":"1981","serviceType":"HOME_DELIVERY","netCost":1000}""", 400);
        String undertaking = ledger.registerUndertaking(LedgerClient.uniqueOrganisationNumber());
        refused("GET", "rapport", "/api/undertakings/" + undertaking + "/de-minimis?on=yesterday", null, 400);
        refused("POST", "handlaggare", "/api/undertakings/" + undertaking + "/de-minimis", """
                {"company":"%s","grantor":"Almi","grantedOn":"2025-01-01","amountEur":1000}"""
                .formatted(LedgerClient.uniqueOrganisationNumber()), 400);
    }
}
