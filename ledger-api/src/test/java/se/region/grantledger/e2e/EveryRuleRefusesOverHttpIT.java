package se.region.grantledger.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import se.region.grantledger.core.rules.Rule;
import se.region.grantledger.support.LedgerClient;
import se.region.grantledger.support.LedgerClient.Response;
import se.region.grantledger.support.LedgerIntegrationTest;

import java.util.EnumMap;
import java.util.Map;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static se.region.grantledger.support.LedgerClient.plan;

/**
 * For every rule of {@link Rule}: bring a project over HTTP to just short of the rule, send the command that
 * breaks it, and check the 422 problem names the rule, and that neither the event store nor the project's
 * status moved. The plan used mostly is 500 000 1:1 + 400 000 ERUF + 100 000 in-kind: a 50 % share.
 */
class EveryRuleRefusesOverHttpIT extends LedgerIntegrationTest {

    /**
     * The breaking request: {@code body} POSTed to {@code postTo} by {@code user} (null: the default user), and the
     * {@code resource} whose representation must not change.
     */
    record Breach(String resource, String postTo, String body, String user, Map<String, String> headers) {
        Breach(String resource, String postTo, String body, String user) {
            this(resource, postTo, body, user, Map.of());
        }
    }

    private static Breach onProject(String projectId, String path, String body) {
        return onProject(projectId, path, body, null);
    }

    private static Breach onProject(String projectId, String path, String body, String user) {
        return new Breach("/api/projects/" + projectId, "/api/projects/" + projectId + path, body, user);
    }

    private static final String HALF_SHARE = plan("500000", "400000", "100000");
    private static final Map<Rule, Function<LedgerClient, Breach>> SCENARIOS = new EnumMap<>(Rule.class);

    static {
        SCENARIOS.put(Rule.CUMULATIVE_PAYMENTS_WITHIN_GRANT, ledger -> {
            String id = granted(ledger);
            String first = ledger.submitRequisition(id, "{\"STAFF\":1000000}");
            ledger.approve(id, first, "[]");
            assertThat(ledger.pay(id, first, "500000").status()).isEqualTo(200);
            String second = ledger.submitRequisition(id, "{\"STAFF\":100000}");
            ledger.approve(id, second, "[]");
            return onProject(id, "/payments", payment(second, "0.01", "REGIONAL_1_1"));
        });
        SCENARIOS.put(Rule.PAYMENT_WITHIN_PAYABLE, ledger -> {
            String id = granted(ledger);
            String requisition = ledger.submitRequisition(id, "{\"STAFF\":200000}");
            ledger.approve(id, requisition, "[]");
            return onProject(id, "/payments", payment(requisition, "100000.01", "REGIONAL_1_1"));
        });
        SCENARIOS.put(Rule.PAYMENT_FROM_GRANT_FUND, ledger -> {
            String id = granted(ledger);
            String requisition = ledger.submitRequisition(id, "{\"STAFF\":200000}");
            ledger.approve(id, requisition, "[]");
            return onProject(id, "/payments", payment(requisition, "1000", "TILLVAXTVERKET"));
        });
        SCENARIOS.put(Rule.REGIONAL_SHARE_WITHIN_LIMIT, ledger -> onProject(ledger.registerProject(),
                "/grant-decision/proposal", decision(plan("500000.01", "400000", "100000"))));
        SCENARIOS.put(Rule.PLAN_INCLUDES_REGIONAL_FUNDING, ledger -> onProject(ledger.registerProject(),
                "/grant-decision/proposal", decision("[{\"funder\":\"ERUF\",\"category\":\"ERUF\",\"form\":\"CASH\",\"amount\":100000}]")));
        SCENARIOS.put(Rule.MINIMUM_MUNICIPALITIES, ledger -> onProject(
                ledger.registerProject("PROJECT", "[\"1980\",\"1981\"]"), "/grant-decision/proposal", decision(HALF_SHARE)));
        SCENARIOS.put(Rule.ONE_OPEN_REQUISITION, ledger -> {
            String id = granted(ledger);
            ledger.submitRequisition(id, "{\"STAFF\":1000}");
            return onProject(id, "/requisitions", requisition("2025-10-01", "2025-12-31", "{\"STAFF\":1000}"));
        });
        SCENARIOS.put(Rule.REQUISITION_WITHIN_PROJECT_PERIOD, ledger -> onProject(granted(ledger), "/requisitions",
                requisition("2028-01-01", "2028-04-01", "{\"STAFF\":1000}")));
        SCENARIOS.put(Rule.IN_KIND_COSTS_NEED_IN_KIND_FINANCING, ledger -> onProject(granted(ledger), "/requisitions",
                requisition("2025-04-01", "2025-09-30", "{\"IN_KIND\":100000.01}")));
        SCENARIOS.put(Rule.DEDUCTION_WITHIN_REPORTED_COSTS, ledger -> {
            String id = granted(ledger);
            String requisition = ledger.submitRequisition(id, "{\"STAFF\":200000}");
            return onProject(id, "/requisitions/" + requisition + "/approval", """
                    {"decisionDate":"2025-11-01","deductions":[{"category":"STAFF","amount":200000.01,"reason":"x"}]}""");
        });
        SCENARIOS.put(Rule.ADVANCE_WITHIN_LIMITS, ledger -> onProject(granted(ledger), "/advances",
                advance("250000.01", "2025-04-10")));
        SCENARIOS.put(Rule.AMENDMENT_NOT_BELOW_PAID, ledger -> {
            String id = granted(ledger);
            assertThat(ledger.payAdvance(id, "250000", "2025-04-10").status()).isEqualTo(200);
            return onProject(id, "/grant-amendments", """
                    {"decisionNumber":"RUN 2026/2","decisionDate":"2026-01-10","plan":%s,"reason":"smaller"}"""
                    .formatted(plan("249999.99", "400000", "100000")));
        });
        SCENARIOS.put(Rule.RECOVERY_WITHIN_PAID, ledger -> {
            String id = granted(ledger);
            assertThat(ledger.payAdvance(id, "100000", "2025-04-10").status()).isEqualTo(200);
            return onProject(id, "/recoveries", """
                    {"decisionDate":"2026-02-01","amount":100000.01,"reason":"not eligible"}""");
        });
        SCENARIOS.put(Rule.REPAYMENT_WITHIN_RECOVERY, ledger -> {
            String id = granted(ledger);
            assertThat(ledger.payAdvance(id, "100000", "2025-04-10").status()).isEqualTo(200);
            String recovery = ledger.ok("/api/projects/" + id + "/recoveries", """
                    {"decisionDate":"2026-02-01","amount":50000,"reason":"not eligible"}""").get("id").asText();
            return onProject(id, "/repayments", """
                    {"recoveryId":"%s","amount":50000.01,"receivedOn":"2026-03-01","reference":"BG 5050-1055"}"""
                    .formatted(recovery));
        });
        SCENARIOS.put(Rule.DATE_NOT_BEFORE_DECISION, ledger -> onProject(granted(ledger), "/advances",
                advance("1000", "2025-03-19")));
        SCENARIOS.put(Rule.DECIDER_IS_NOT_PREPARER, ledger -> {
            String id = ledger.registerProject();
            ledger.as("enhetschef").ok("/api/projects/" + id + "/grant-decision/proposal", decision(HALF_SHARE));
            return onProject(id, "/grant-decision", "{\"decisionNumber\":\"RUN 1\",\"decisionDate\":\"2025-03-20\"}",
                    "enhetschef");
        });
        SCENARIOS.put(Rule.ATTESTER_IS_NOT_PROPOSER, ledger -> {
            String id = granted(ledger);
            String requisition = ledger.submitRequisition(id, "{\"STAFF\":200000}");
            ledger.approve(id, requisition, "[]");
            String payment = ledger.as("enhetschef").ok("/api/projects/" + id + "/payments",
                    payment(requisition, "1000", "REGIONAL_1_1")).get("id").asText();
            return onProject(id, "/payments/" + payment + "/attestation", "{}", "enhetschef");
        });
        SCENARIOS.put(Rule.ATTESTER_DID_NOT_APPROVE_REQUISITION, ledger -> {
            String id = granted(ledger);
            String requisition = ledger.submitRequisition(id, "{\"STAFF\":200000}");
            ledger.approve(id, requisition, "[]");
            String payment = ledger.as("handlaggare").ok("/api/projects/" + id + "/payments",
                    payment(requisition, "1000", "REGIONAL_1_1")).get("id").asText();
            return onProject(id, "/payments/" + payment + "/attestation", "{}", "attestant");
        });
        SCENARIOS.put(Rule.DIARY_NUMBER_UNIQUE, ledger -> {
            String id = ledger.registerProject();
            String diaryNumber = ledger.get("/api/projects/" + id).body().get("diaryNumber").asText();
            return new Breach("/api/projects/" + id, "/api/projects", """
                    {"diaryNumber":"%s","title":"Dubblett","owner":{"name":"Almi","organisationNumber":"556486-7678"},
                     "municipalities":["1980","1981","1982"],"kind":"PROJECT","goalArea":"x",
                     "period":{"start":"2025-04-01","end":"2028-03-31"}}""".formatted(diaryNumber), null);
        });
    }

    // --- the limits that span cases, over business support and commercial service ---------------------------

    static {
        SCENARIOS.put(Rule.COMMITMENTS_WITHIN_FRAME, ledger -> {
            ledger.allocateFrame("REGIONAL_1_1", 2032, "50000");
            String id = ledger.registerCommercialService("200000");
            return new Breach("/api/appropriations/REGIONAL_1_1/2032", "/api/commercial-service-grants/" + id + "/decision",
                    "{\"decisionNumber\":\"RUN 1\",\"decisionDate\":\"2032-02-01\",\"amount\":50000.01}", "attestant");
        });
        SCENARIOS.put(Rule.IDEMPOTENCY_KEY_REUSED, ledger -> {
            Map<String, String> key = Map.of("Idempotency-Key", "rule-" + java.util.UUID.randomUUID());
            String registration = """
                    {"diaryNumber":"%s","title":"T","owner":{"name":"Almi","organisationNumber":"556486-7678"},
                     "municipalities":["1980","1981","1982"],"kind":"PROJECT","goalArea":"x",
                     "period":{"start":"2025-04-01","end":"2028-03-31"}}""";
            Response first = ledger.as("handlaggare").post("/api/projects",
                    registration.formatted(LedgerClient.uniqueDiaryNumber()), key);
            assertThat(first.status()).as(first.raw()).isEqualTo(201);
            return new Breach("/api/projects/" + first.body().get("projectId").asText(), "/api/projects",
                    registration.formatted(LedgerClient.uniqueDiaryNumber()), "handlaggare", key);
        });
        SCENARIOS.put(Rule.COMMERCIAL_SERVICE_WITHIN_NET_COST_SHARE, ledger -> {
            String id = ledger.registerCommercialService("100000");
            return new Breach("/api/commercial-service-grants/" + id, "/api/commercial-service-grants/" + id + "/decision",
                    "{\"decisionNumber\":\"RUN 1\",\"decisionDate\":\"2025-02-01\",\"amount\":50000.01}", "attestant");
        });
        SCENARIOS.put(Rule.INVESTMENT_GRANT_OUTSIDE_VASTERAS, ledger -> new Breach("/api/business-supports?size=1",
                "/api/business-supports", """
                {"diaryNumber":"%s","company":{"organisationNumber":"%s","name":"Västerås Verkstad AB","municipality":"1980",
                 "ledByWoman":false,"ledByPersonBornAbroad":false},"supportType":"INVESTMENT_GRANT","purpose":"ny hall"}"""
                .formatted(LedgerClient.uniqueDiaryNumber(), LedgerClient.uniqueOrganisationNumber()), "handlaggare"));
        SCENARIOS.put(Rule.DE_MINIMIS_WITHIN_CAP, ledger -> {
            String company = LedgerClient.uniqueOrganisationNumber();
            String undertaking = ledger.registerUndertaking(company);
            ledger.as("handlaggare").ok("/api/undertakings/" + undertaking + "/de-minimis", """
                    {"company":"%s","grantor":"Almi","grantedOn":"2028-06-01","amountEur":300000}""".formatted(company));
            ledger.ensureEuroRate("2030-02-01", "11.00");
            String id = ledger.registerBusinessSupport(company, "1981", "CONSULTANCY_CHECK", "REGIONAL_1_1");
            // 0.06 kr is 0.0054… EUR, rounded half up to one cent: one cent over the cap
            return new Breach("/api/undertakings/" + undertaking + "/de-minimis?on=2030-02-01",
                    "/api/business-supports/" + id + "/decision",
                    "{\"decisionNumber\":\"RUN 1\",\"decisionDate\":\"2030-02-01\",\"amount\":0.06}", "attestant");
        });
        SCENARIOS.put(Rule.EXCHANGE_RATE_ON_DECISION_DATE, ledger -> {
            String company = LedgerClient.uniqueOrganisationNumber();
            ledger.registerUndertaking(company);
            String id = ledger.registerBusinessSupport(company, "1981", "CONSULTANCY_CHECK", "REGIONAL_1_1");
            return new Breach("/api/business-supports/" + id, "/api/business-supports/" + id + "/decision",
                    "{\"decisionNumber\":\"RUN 1\",\"decisionDate\":\"2030-02-02\",\"amount\":1000}", "attestant");
        });
    }

    @Test
    void everyRuleHasAScenario() {
        assertThat(SCENARIOS.keySet()).containsExactlyInAnyOrder(Rule.values());
    }

    @ParameterizedTest
    @EnumSource(Rule.class)
    void aBrokenRuleIsRefusedWithItsNumbersAndChangesNothing(Rule rule) {
        Breach breach = SCENARIOS.get(rule).apply(ledger);
        long eventsBefore = storedEventCount();
        long projectsBefore = jdbc.queryForObject("SELECT count(*) FROM project_status", Long.class);
        long supportCasesBefore = jdbc.queryForObject("SELECT count(*) FROM support_case_status", Long.class);
        JsonNode before = ledger.get(breach.resource()).body();

        Response refused = (breach.user() == null ? ledger : ledger.as(breach.user())).post(breach.postTo(), breach.body(),
                breach.headers());

        assertThat(refused.status()).as(refused.raw()).isEqualTo(422);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.problemType()).isEqualTo("urn:grant-ledger:rule:" + rule.code());
        assertThat(refused.body().get("rule").asText()).isEqualTo(rule.code());
        assertThat(refused.body().get("title").asText()).isEqualTo(rule.description());
        assertThat(refused.body().get("detail").asText()).isNotBlank();
        assertThat(refused.body().get("figures").size()).isPositive();
        assertThat(refused.raw()).doesNotContain("Exception", "at se.region");

        assertThat(storedEventCount()).isEqualTo(eventsBefore);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM project_status", Long.class)).isEqualTo(projectsBefore);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM support_case_status", Long.class)).isEqualTo(supportCasesBefore);
        assertThat(ledger.get(breach.resource()).body()).isEqualTo(before);
    }

    private static String granted(LedgerClient ledger) {
        String id = ledger.registerProject();
        ledger.decideGrant(id, HALF_SHARE);
        return id;
    }

    private static String decision(String planJson) {
        return "{\"plan\":" + planJson + "}";
    }

    private static String payment(String requisitionId, String amount, String fund) {
        return """
                {"requisitionId":"%s","amount":%s,"fund":"%s","paymentDate":"2025-11-20","paymentReference":"UB-1"}"""
                .formatted(requisitionId, amount, fund);
    }

    private static String requisition(String start, String end, String costs) {
        return """
                {"period":{"start":"%s","end":"%s"},"costs":%s,"submittedOn":"2025-10-15"}""".formatted(start, end, costs);
    }

    private static String advance(String amount, String date) {
        return """
                {"amount":%s,"paymentDate":"%s","paymentReference":"UB-A","reason":"särskilda skäl"}""".formatted(amount, date);
    }
}
