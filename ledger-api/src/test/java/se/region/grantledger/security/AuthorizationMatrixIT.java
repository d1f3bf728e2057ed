package se.region.grantledger.security;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import se.region.grantledger.core.model.Role;
import se.region.grantledger.support.LedgerClient;
import se.region.grantledger.support.LedgerClient.Response;
import se.region.grantledger.support.LedgerIntegrationTest;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static se.region.grantledger.core.model.Role.ADMIN;
import static se.region.grantledger.core.model.Role.APPROVER;
import static se.region.grantledger.core.model.Role.AUDITOR;
import static se.region.grantledger.core.model.Role.CASE_OFFICER;
import static se.region.grantledger.core.model.Role.REPORTER;

/**
 * Every endpoint, called as every demo user and as nobody, over HTTP. Where the user's roles allow the call it is
 * prepared so that it truly succeeds (2xx); where they do not, the answer is 403 and nothing is stored; without
 * sign-in it is 401. Public endpoints answer 200 to all.
 */
public class AuthorizationMatrixIT extends LedgerIntegrationTest {

    /** The demo users of application.yml and their roles. */
    private static final Map<String, Set<Role>> USERS = Map.of(
            "handlaggare", EnumSet.of(CASE_OFFICER),
            "attestant", EnumSet.of(APPROVER),
            "attestant2", EnumSet.of(APPROVER),
            "enhetschef", EnumSet.of(CASE_OFFICER, APPROVER),
            "revisor", EnumSet.of(AUDITOR),
            "rapport", EnumSet.of(REPORTER),
            "drift", EnumSet.of(ADMIN));
    private static final Set<Role> EVERYONE = EnumSet.allOf(Role.class);
    /** Days from 1901 on are this class's alone for registering rates (a day takes one rate). */
    private static final java.util.concurrent.atomic.AtomicInteger RATE_DAYS = new java.util.concurrent.atomic.AtomicInteger();
    private static final String PLAN = LedgerClient.plan("500000", "400000", "100000");
    private static final String REQUISITION = """
            {"period":{"start":"2025-04-01","end":"2025-09-30"},"costs":{"STAFF":200000},"submittedOn":"2025-10-15"}""";

    private static final Set<Role> READERS = EnumSet.of(CASE_OFFICER, APPROVER, AUDITOR, REPORTER);
    private static final Set<Role> TRAIL_READERS = EnumSet.of(CASE_OFFICER, APPROVER, AUDITOR);
    private static final String BS = "/api/business-supports/";
    private static final String CS = "/api/commercial-service-grants/";
    private static final String UNDERTAKINGS = "/api/undertakings/";
    private static final String SUPPORT_PAYMENT =
            "{\"amount\":1000,\"paymentDate\":\"2025-09-01\",\"paymentReference\":\"UB\"}";
    /** Years from 2040 on are this class's alone for setting REGIONAL_DEVELOPMENT frames. */
    private static final java.util.concurrent.atomic.AtomicInteger FRAME_YEARS = new java.util.concurrent.atomic.AtomicInteger();

    public record Call(String method, String path, String body) {
    }

    /**
     * An endpoint: the roles it allows, a call to it with made-up ids (enough for a refusal, which comes before any
     * controller), and how to prepare a call that really succeeds for {@code caller}.
     */
    public record Endpoint(String name, Set<Role> allowed, boolean isPublic, Call probe,
                    BiFunction<LedgerClient, String, Call> prepare) {
        @Override
        public String toString() {
            return name;
        }
    }

    public static List<Endpoint> endpoints() {
        return List.of(
                endpoint("POST /api/projects", EnumSet.of(CASE_OFFICER), (ledger, caller) -> new Call("POST", "/api/projects", """
                        {"diaryNumber":"%s","title":"T","owner":{"name":"Almi","organisationNumber":"556486-7678"},
                         "municipalities":["1980","1981","1982"],"kind":"PROJECT","goalArea":"x",
                         "period":{"start":"2025-04-01","end":"2028-03-31"}}""".formatted(LedgerClient.uniqueDiaryNumber()))),
                endpoint("POST /api/projects/{id}/grant-decision/proposal", EnumSet.of(CASE_OFFICER), (ledger, caller) ->
                        post(ledger.registerProject(), "/grant-decision/proposal", "{\"plan\":" + PLAN + "}")),
                endpoint("POST /api/projects/{id}/grant-decision", EnumSet.of(APPROVER), (ledger, caller) -> {
                    String id = ledger.registerProject();
                    ledger.as("handlaggare").ok("/api/projects/" + id + "/grant-decision/proposal", "{\"plan\":" + PLAN + "}");
                    return post(id, "/grant-decision", "{\"decisionNumber\":\"1\",\"decisionDate\":\"2025-03-20\"}");
                }),
                endpoint("POST /api/projects/{id}/grant-amendments", EnumSet.of(APPROVER), (ledger, caller) -> post(granted(ledger),
                        "/grant-amendments", """
                        {"decisionNumber":"2","decisionDate":"2026-01-10","period":{"start":"2025-04-01","end":"2028-09-30"},
                         "reason":"longer"}""")),
                endpoint("POST /api/projects/{id}/advances", EnumSet.of(CASE_OFFICER), (ledger, caller) -> post(granted(ledger), "/advances",
                        "{\"amount\":1000,\"paymentDate\":\"2025-04-10\",\"paymentReference\":\"UB\",\"reason\":\"skäl\"}")),
                endpoint("POST /api/projects/{id}/requisitions", EnumSet.of(CASE_OFFICER), (ledger, caller) ->
                        post(granted(ledger), "/requisitions", REQUISITION)),
                endpoint("POST /api/projects/{id}/requisitions/{r}/approval", EnumSet.of(APPROVER), (ledger, caller) -> {
                    String id = granted(ledger);
                    return post(id, "/requisitions/" + ledger.submitRequisition(id, "{\"STAFF\":200000}") + "/approval",
                            "{\"decisionDate\":\"2025-11-01\"}");
                }),
                endpoint("POST /api/projects/{id}/requisitions/{r}/rejection", EnumSet.of(APPROVER), (ledger, caller) -> {
                    String id = granted(ledger);
                    return post(id, "/requisitions/" + ledger.submitRequisition(id, "{\"STAFF\":200000}") + "/rejection",
                            "{\"decisionDate\":\"2025-11-01\",\"reason\":\"incomplete\"}");
                }),
                endpoint("POST /api/projects/{id}/payments", EnumSet.of(CASE_OFFICER), (ledger, caller) -> {
                    String id = granted(ledger);
                    String requisition = ledger.submitRequisition(id, "{\"STAFF\":200000}");
                    ledger.approve(id, requisition, "[]");
                    return post(id, "/payments", "{\"requisitionId\":\"" + requisition
                            + "\",\"amount\":1000,\"paymentDate\":\"2025-11-20\",\"paymentReference\":\"UB\"}");
                }),
                endpoint("POST /api/projects/{id}/payments/{p}/attestation", EnumSet.of(APPROVER), (ledger, caller) -> {
                    String id = granted(ledger);
                    String requisition = ledger.submitRequisition(id, "{\"STAFF\":200000}");
                    String approver = "attestant".equals(caller) ? "attestant2" : "attestant";
                    ledger.as(approver).ok("/api/projects/" + id + "/requisitions/" + requisition + "/approval",
                            "{\"decisionDate\":\"2025-11-01\"}");
                    String payment = ledger.as("handlaggare").ok("/api/projects/" + id + "/payments",
                            "{\"requisitionId\":\"" + requisition
                                    + "\",\"amount\":1000,\"paymentDate\":\"2025-11-20\",\"paymentReference\":\"UB\"}")
                            .get("id").asText();
                    return post(id, "/payments/" + payment + "/attestation", "{}");
                }),
                endpoint("POST /api/projects/{id}/recoveries", EnumSet.of(APPROVER), (ledger, caller) -> {
                    String id = granted(ledger);
                    assertThat(ledger.payAdvance(id, "1000", "2025-04-10").status()).isEqualTo(200);
                    return post(id, "/recoveries", "{\"decisionDate\":\"2026-01-01\",\"amount\":100,\"reason\":\"x\"}");
                }),
                endpoint("POST /api/projects/{id}/repayments", EnumSet.of(CASE_OFFICER), (ledger, caller) -> {
                    String id = granted(ledger);
                    assertThat(ledger.payAdvance(id, "1000", "2025-04-10").status()).isEqualTo(200);
                    String recovery = ledger.as("attestant").ok("/api/projects/" + id + "/recoveries",
                            "{\"decisionDate\":\"2026-01-01\",\"amount\":100,\"reason\":\"x\"}").get("id").asText();
                    return post(id, "/repayments", "{\"recoveryId\":\"" + recovery
                            + "\",\"amount\":100,\"receivedOn\":\"2026-02-01\",\"reference\":\"BG\"}");
                }),
                endpoint("POST /api/projects/{id}/closure", EnumSet.of(APPROVER), (ledger, caller) ->
                        post(granted(ledger), "/closure", "{\"closedOn\":\"2028-06-30\"}")),
                endpoint("POST /api/projects/{id}/withdrawal", EnumSet.of(APPROVER), (ledger, caller) ->
                        post(granted(ledger), "/withdrawal", "{\"decisionDate\":\"2026-01-01\",\"reason\":\"x\"}")),
                endpoint("GET /api/projects", EnumSet.of(CASE_OFFICER, APPROVER, AUDITOR, REPORTER),
                        (ledger, caller) -> new Call("GET", "/api/projects", null)),
                endpoint("GET /api/projects/{id}", EnumSet.of(CASE_OFFICER, APPROVER, AUDITOR, REPORTER),
                        (ledger, caller) -> new Call("GET", "/api/projects/" + ledger.registerProject(), null)),
                endpoint("GET /api/projects/{id}/events", EnumSet.of(CASE_OFFICER, APPROVER, AUDITOR),
                        (ledger, caller) -> new Call("GET", "/api/projects/" + ledger.registerProject() + "/events", null)),
                endpoint("POST /api/exchange-rates", EnumSet.of(CASE_OFFICER), (ledger, caller) -> new Call("POST",
                        "/api/exchange-rates", "{\"currency\":\"EUR\",\"date\":\"" + java.time.LocalDate.of(1901, 1, 1)
                        .plusDays(RATE_DAYS.getAndIncrement())
                        + "\",\"sekPerUnit\":10.5,\"source\":\"Riksbanken\"}")),
                endpoint("GET /api/exchange-rates", EnumSet.of(CASE_OFFICER, APPROVER, AUDITOR, REPORTER),
                        (ledger, caller) -> new Call("GET", "/api/exchange-rates?from=2025-01-01&to=2025-12-31", null)),

                endpoint("POST /api/business-supports", EnumSet.of(CASE_OFFICER), (ledger, caller) -> new Call("POST",
                        "/api/business-supports", """
                        {"diaryNumber":"%s","company":{"organisationNumber":"%s","name":"AB","municipality":"1981",
                         "ledByWoman":false,"ledByPersonBornAbroad":true},"supportType":"CONSULTANCY_CHECK","purpose":"x"}"""
                        .formatted(LedgerClient.uniqueDiaryNumber(), LedgerClient.uniqueOrganisationNumber()))),
                endpoint("POST /api/business-supports/{id}/decision", EnumSet.of(APPROVER), (ledger, caller) -> {
                    String company = LedgerClient.uniqueOrganisationNumber();
                    ledger.registerUndertaking(company);
                    ledger.ensureEuroRate("2025-06-02", "11.00");
                    String id = ledger.registerBusinessSupport(company, "1981", "CONSULTANCY_CHECK", "REGIONAL_1_1");
                    return new Call("POST", BS + id + "/decision",
                            "{\"decisionNumber\":\"1\",\"decisionDate\":\"2025-06-02\",\"amount\":1000}");
                }),
                endpoint("POST /api/business-supports/{id}/payments", EnumSet.of(CASE_OFFICER), (ledger, caller) ->
                        new Call("POST", BS + ledger.decidedBusinessSupport("1000") + "/payments", SUPPORT_PAYMENT)),
                endpoint("POST /api/business-supports/{id}/payments/{p}/attestation", EnumSet.of(APPROVER), (ledger, caller) -> {
                    String id = ledger.decidedBusinessSupport("1000");
                    String payment = ledger.as("handlaggare").ok(BS + id + "/payments", SUPPORT_PAYMENT).get("id").asText();
                    return new Call("POST", BS + id + "/payments/" + payment + "/attestation", "{}");
                }),
                endpoint("POST /api/business-supports/{id}/recoveries", EnumSet.of(APPROVER), (ledger, caller) ->
                        new Call("POST", BS + paidBusinessSupport(ledger) + "/recoveries",
                                "{\"decisionDate\":\"2026-01-01\",\"amount\":100,\"reason\":\"x\"}")),
                endpoint("POST /api/business-supports/{id}/repayments", EnumSet.of(CASE_OFFICER), (ledger, caller) -> {
                    String id = paidBusinessSupport(ledger);
                    String recovery = ledger.as("attestant").ok(BS + id + "/recoveries",
                            "{\"decisionDate\":\"2026-01-01\",\"amount\":100,\"reason\":\"x\"}").get("id").asText();
                    return new Call("POST", BS + id + "/repayments", "{\"recoveryId\":\"" + recovery
                            + "\",\"amount\":100,\"receivedOn\":\"2026-02-01\",\"reference\":\"BG\"}");
                }),
                endpoint("POST /api/business-supports/{id}/closure", EnumSet.of(APPROVER), (ledger, caller) ->
                        new Call("POST", BS + ledger.decidedBusinessSupport("1000") + "/closure", "{\"closedOn\":\"2026-06-30\"}")),
                endpoint("POST /api/business-supports/{id}/withdrawal", EnumSet.of(APPROVER), (ledger, caller) ->
                        new Call("POST", BS + ledger.decidedBusinessSupport("1000") + "/withdrawal",
                                "{\"decisionDate\":\"2025-07-01\",\"reason\":\"x\"}")),
                endpoint("GET /api/business-supports", READERS, (ledger, caller) -> new Call("GET", "/api/business-supports", null)),
                endpoint("GET /api/business-supports/{id}", READERS, (ledger, caller) ->
                        new Call("GET", BS + ledger.decidedBusinessSupport("1000"), null)),
                endpoint("GET /api/business-supports/{id}/events", TRAIL_READERS, (ledger, caller) ->
                        new Call("GET", BS + ledger.decidedBusinessSupport("1000") + "/events", null)),

                endpoint("POST /api/commercial-service-grants", EnumSet.of(CASE_OFFICER), (ledger, caller) -> new Call("POST",
                        "/api/commercial-service-grants", """
                        {"diaryNumber":"%s","recipient":{"name":"Sala kommun","organisationNumber":"212000-2080"},
                         "recipientKind":"MUNICIPALITY","municipality":"1981","serviceType":"HOME_DELIVERY","year":2025,
                         "netCost":10000}""".formatted(LedgerClient.uniqueDiaryNumber()))),
                endpoint("POST /api/commercial-service-grants/{id}/decision", EnumSet.of(APPROVER), (ledger, caller) ->
                        new Call("POST", CS + ledger.registerCommercialService("10000") + "/decision",
                                "{\"decisionNumber\":\"1\",\"decisionDate\":\"2025-02-01\",\"amount\":5000}")),
                endpoint("POST /api/commercial-service-grants/{id}/payments", EnumSet.of(CASE_OFFICER), (ledger, caller) ->
                        new Call("POST", CS + ledger.decidedCommercialService("1000") + "/payments", SUPPORT_PAYMENT)),
                endpoint("POST /api/commercial-service-grants/{id}/payments/{p}/attestation", EnumSet.of(APPROVER), (ledger, caller) -> {
                    String id = ledger.decidedCommercialService("1000");
                    String payment = ledger.as("handlaggare").ok(CS + id + "/payments", SUPPORT_PAYMENT).get("id").asText();
                    return new Call("POST", CS + id + "/payments/" + payment + "/attestation", "{}");
                }),
                endpoint("POST /api/commercial-service-grants/{id}/recoveries", EnumSet.of(APPROVER), (ledger, caller) ->
                        new Call("POST", CS + paidCommercialService(ledger) + "/recoveries",
                                "{\"decisionDate\":\"2026-01-01\",\"amount\":100,\"reason\":\"x\"}")),
                endpoint("POST /api/commercial-service-grants/{id}/repayments", EnumSet.of(CASE_OFFICER), (ledger, caller) -> {
                    String id = paidCommercialService(ledger);
                    String recovery = ledger.as("attestant").ok(CS + id + "/recoveries",
                            "{\"decisionDate\":\"2026-01-01\",\"amount\":100,\"reason\":\"x\"}").get("id").asText();
                    return new Call("POST", CS + id + "/repayments", "{\"recoveryId\":\"" + recovery
                            + "\",\"amount\":100,\"receivedOn\":\"2026-02-01\",\"reference\":\"BG\"}");
                }),
                endpoint("POST /api/commercial-service-grants/{id}/closure", EnumSet.of(APPROVER), (ledger, caller) ->
                        new Call("POST", CS + ledger.decidedCommercialService("1000") + "/closure", "{\"closedOn\":\"2026-06-30\"}")),
                endpoint("POST /api/commercial-service-grants/{id}/withdrawal", EnumSet.of(APPROVER), (ledger, caller) ->
                        new Call("POST", CS + ledger.decidedCommercialService("1000") + "/withdrawal",
                                "{\"decisionDate\":\"2025-03-01\",\"reason\":\"x\"}")),
                endpoint("GET /api/commercial-service-grants", READERS, (ledger, caller) ->
                        new Call("GET", "/api/commercial-service-grants", null)),
                endpoint("GET /api/commercial-service-grants/{id}", READERS, (ledger, caller) ->
                        new Call("GET", CS + ledger.decidedCommercialService("1000"), null)),
                endpoint("GET /api/commercial-service-grants/{id}/events", TRAIL_READERS, (ledger, caller) ->
                        new Call("GET", CS + ledger.decidedCommercialService("1000") + "/events", null)),

                endpoint("PUT /api/appropriations/REGIONAL_DEVELOPMENT/2040", EnumSet.of(APPROVER), (ledger, caller) ->
                        new Call("PUT", "/api/appropriations/REGIONAL_DEVELOPMENT/" + (2040 + FRAME_YEARS.getAndIncrement()),
                                "{\"frame\":1000000,\"reference\":\"budget\"}")),
                endpoint("GET /api/appropriations/REGIONAL_1_1/2025", READERS, (ledger, caller) -> {
                    ledger.ensureRoomyFrames();
                    return new Call("GET", "/api/appropriations/REGIONAL_1_1/2025", null);
                }),
                endpoint("GET /api/appropriations/REGIONAL_1_1/2025/events", TRAIL_READERS, (ledger, caller) -> {
                    ledger.ensureRoomyFrames();
                    return new Call("GET", "/api/appropriations/REGIONAL_1_1/2025/events", null);
                }),

                endpoint("POST /api/undertakings", EnumSet.of(CASE_OFFICER), (ledger, caller) -> new Call("POST",
                        "/api/undertakings", "{\"name\":\"Koncernen\",\"companies\":[\""
                        + LedgerClient.uniqueOrganisationNumber() + "\"]}")),
                endpoint("POST /api/undertakings/{id}/companies", EnumSet.of(CASE_OFFICER), (ledger, caller) -> new Call("POST",
                        UNDERTAKINGS + ledger.registerUndertaking(LedgerClient.uniqueOrganisationNumber()) + "/companies",
                        "{\"organisationNumber\":\"" + LedgerClient.uniqueOrganisationNumber() + "\"}")),
                endpoint("POST /api/undertakings/{id}/de-minimis", EnumSet.of(CASE_OFFICER), (ledger, caller) -> {
                    String company = LedgerClient.uniqueOrganisationNumber();
                    return new Call("POST", UNDERTAKINGS + ledger.registerUndertaking(company) + "/de-minimis",
                            "{\"company\":\"" + company + "\",\"grantor\":\"Almi\",\"grantedOn\":\"2025-01-01\",\"amountEur\":1000}");
                }),
                endpoint("GET /api/undertakings/{id}", READERS, (ledger, caller) -> new Call("GET",
                        UNDERTAKINGS + ledger.registerUndertaking(LedgerClient.uniqueOrganisationNumber()), null)),
                endpoint("GET /api/undertakings/{id}/de-minimis", READERS, (ledger, caller) -> new Call("GET",
                        UNDERTAKINGS + ledger.registerUndertaking(LedgerClient.uniqueOrganisationNumber()) + "/de-minimis", null)),
                endpoint("GET /api/undertakings/{id}/events", TRAIL_READERS, (ledger, caller) -> new Call("GET",
                        UNDERTAKINGS + ledger.registerUndertaking(LedgerClient.uniqueOrganisationNumber()) + "/events", null)),

                endpoint("GET /api/reports/leverage", READERS, (ledger, caller) -> new Call("GET", "/api/reports/leverage?year=2025", null)),
                endpoint("GET /api/reports/disbursements", READERS, (ledger, caller) ->
                        new Call("GET", "/api/reports/disbursements?year=2025", null)),
                endpoint("GET /api/reports/business-support", READERS, (ledger, caller) ->
                        new Call("GET", "/api/reports/business-support?year=2025", null)),
                endpoint("GET /api/reports/goal-areas", READERS, (ledger, caller) -> new Call("GET", "/api/reports/goal-areas?year=2025", null)),
                endpoint("GET /api/reports/commitments", READERS, (ledger, caller) ->
                        new Call("GET", "/api/reports/commitments?asOf=2025-12-31", null)),
                endpoint("GET /api/reports/annual/2025", READERS, (ledger, caller) -> new Call("GET", "/api/reports/annual/2025", null)),

                endpoint("GET /api/audit/verify", EnumSet.of(AUDITOR), (ledger, caller) -> new Call("GET", "/api/audit/verify", null)),
                endpoint("GET /api/audit/export", EnumSet.of(AUDITOR), (ledger, caller) ->
                        new Call("GET", "/api/audit/export?from=2099-01-01T00:00:00Z", null)),
                endpoint("GET /api/admin/projections", EnumSet.of(ADMIN, AUDITOR), (ledger, caller) ->
                        new Call("GET", "/api/admin/projections", null)),
                endpoint("GET /api/admin/dead-letters", EnumSet.of(ADMIN, AUDITOR), (ledger, caller) ->
                        new Call("GET", "/api/admin/dead-letters", null)),
                endpoint("POST /api/admin/dead-letters/reports/retry", EnumSet.of(ADMIN), (ledger, caller) ->
                        new Call("POST", "/api/admin/dead-letters/reports/retry", "{}")),

                endpoint("GET /actuator/prometheus", EnumSet.of(ADMIN),
                        (ledger, caller) -> new Call("GET", "/actuator/prometheus", null)),
                open("/actuator/health"),
                open("/v3/api-docs"));
    }

    static Stream<Arguments> everyEndpointAsEveryone() {
        List<Arguments> cases = new ArrayList<>();
        List<String> callers = new ArrayList<>(USERS.keySet());
        callers.sort(String::compareTo);
        callers.add(null);
        for (Endpoint endpoint : endpoints()) {
            for (String caller : callers) {
                cases.add(Arguments.of(endpoint, caller == null ? "nobody" : caller));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("everyEndpointAsEveryone")
    void answersAsTheMatrixSays(Endpoint endpoint, String caller) {
        boolean anonymous = caller.equals("nobody");
        boolean allowed = endpoint.isPublic()
                || (!anonymous && USERS.get(caller).stream().anyMatch(endpoint.allowed()::contains));
        // A refused call is refused by the security filter before any controller runs, so it needs no real case.
        Call call = allowed ? endpoint.prepare().apply(ledger, caller) : endpoint.probe();
        long events = storedEventCount();

        LedgerClient as = anonymous ? ledger.anonymous() : ledger.as(caller);
        Response response = switch (call.method()) {
            case "GET" -> as.get(call.path());
            case "PUT" -> as.put(call.path(), call.body());
            default -> as.post(call.path(), call.body());
        };

        if (allowed) {
            assertThat(response.status()).as(response.raw()).isBetween(200, 299);
        } else {
            assertThat(response.status()).as(response.raw()).isEqualTo(anonymous ? 401 : 403);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(storedEventCount()).isEqualTo(events);
        }
    }

    /** {@code name} is "METHOD path"; in the path, "{id}", "{r}" and "{p}" stand for made-up ids in the probe. */
    private static Endpoint endpoint(String name, Set<Role> allowed, BiFunction<LedgerClient, String, Call> prepare) {
        String[] methodAndPath = name.split(" ", 2);
        String path = methodAndPath[1].replace("{id}", "no-such-project").replace("{r}", "no-such-requisition")
                .replace("{p}", "no-such-payment");
        return new Endpoint(name, allowed, false, new Call(methodAndPath[0], path, "{}"), prepare);
    }

    private static Endpoint open(String path) {
        Call call = new Call("GET", path, null);
        return new Endpoint("GET " + path, EVERYONE, true, call, (ledger, caller) -> call);
    }

    private static Call post(String projectId, String path, String body) {
        return new Call("POST", "/api/projects/" + projectId + path, body);
    }

    /** A decided business support with 1 000 kr paid (proposed by "handlaggare", attested by "attestant2"). */
    private static String paidBusinessSupport(LedgerClient ledger) {
        String id = ledger.decidedBusinessSupport("1000");
        String payment = ledger.as("handlaggare").ok(BS + id + "/payments", SUPPORT_PAYMENT).get("id").asText();
        ledger.as("attestant2").ok(BS + id + "/payments/" + payment + "/attestation", "{}");
        return id;
    }

    private static String paidCommercialService(LedgerClient ledger) {
        String id = ledger.decidedCommercialService("1000");
        String payment = ledger.as("handlaggare").ok(CS + id + "/payments", SUPPORT_PAYMENT).get("id").asText();
        ledger.as("attestant2").ok(CS + id + "/payments/" + payment + "/attestation", "{}");
        return id;
    }

    private static String granted(LedgerClient ledger) {
        String id = ledger.registerProject();
        ledger.decideGrant(id, PLAN);
        return id;
    }
}
