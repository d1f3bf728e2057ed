package se.region.grantledger.security;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
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
import static se.region.grantledger.security.Role.ADMIN;
import static se.region.grantledger.security.Role.APPROVER;
import static se.region.grantledger.security.Role.AUDITOR;
import static se.region.grantledger.security.Role.CASE_OFFICER;
import static se.region.grantledger.security.Role.REPORTER;

/**
 * Every endpoint, called as every demo user and as nobody, over HTTP. Where the user's roles allow the call it is
 * prepared so that it truly succeeds (2xx); where they do not, the answer is 403 and nothing is stored; without
 * sign-in it is 401. Public endpoints answer 200 to all.
 */
class AuthorizationMatrixTest extends LedgerIntegrationTest {

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
    /** Days from 1800 on are this class's alone for registering rates (a day takes one rate). */
    private static final java.util.concurrent.atomic.AtomicInteger RATE_DAYS = new java.util.concurrent.atomic.AtomicInteger();
    private static final String PLAN = LedgerClient.plan("500000", "400000", "100000");
    private static final String REQUISITION = """
            {"period":{"start":"2025-04-01","end":"2025-09-30"},"costs":{"STAFF":200000},"submittedOn":"2025-10-15"}""";

    record Call(String method, String path, String body) {
    }

    /**
     * An endpoint: the roles it allows, a call to it with made-up ids (enough for a refusal, which comes before any
     * controller), and how to prepare a call that really succeeds for {@code caller}.
     */
    record Endpoint(String name, Set<Role> allowed, boolean isPublic, Call probe,
                    BiFunction<LedgerClient, String, Call> prepare) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Endpoint> endpoints() {
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
                        "/api/exchange-rates", "{\"currency\":\"EUR\",\"date\":\"" + java.time.LocalDate.of(1800, 1, 1)
                        .plusDays(RATE_DAYS.getAndIncrement())
                        + "\",\"sekPerUnit\":10.5,\"source\":\"Riksbanken\"}")),
                endpoint("GET /api/exchange-rates", EnumSet.of(CASE_OFFICER, APPROVER, AUDITOR, REPORTER),
                        (ledger, caller) -> new Call("GET", "/api/exchange-rates?from=2025-01-01&to=2025-12-31", null)),
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
        Response response = call.method().equals("GET") ? as.get(call.path()) : as.post(call.path(), call.body());

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

    private static String granted(LedgerClient ledger) {
        String id = ledger.registerProject();
        ledger.decideGrant(id, PLAN);
        return id;
    }
}
