package se.region.grantledger.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import se.region.grantledger.support.LedgerClient;
import se.region.grantledger.support.LedgerClient.Response;
import se.region.grantledger.support.LedgerIntegrationTest;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each breakage of issue "Unbreakable" as an example, with the answer it gets now. The generated inputs of
 * HostileInputIT cover the same ground at random; these name the cases a reader looks for.
 */
class HostileExamplesIT extends LedgerIntegrationTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Autowired
    TransactionTemplate transaction;

    @Test
    void theAuditorsEventLogReadsEventsHoldingNulAndLoneSurrogates() {
        // Written as an older version could have written them, in a transaction rolled back afterwards.
        transaction.executeWithoutResult(status -> {
            jdbc.update("""
                    INSERT INTO domain_event_entry (global_index, event_identifier, aggregate_identifier, sequence_number,
                        type, time_stamp, payload_type, payload_revision, payload, meta_data)
                    VALUES (nextval('domain_event_entry_global_index_seq'), gen_random_uuid()::text, 'legacy-text', 0,
                        'Legacy', '2020-01-01T00:00:00Z', 'legacy.Note', '1', convert_to(?, 'UTF8'), convert_to('{}', 'UTF8'))""",
                    "{\"text\":\"x\\u0000y\",\"broken\":\"\\udfff\\ud800\"}");
            JsonNode shown = read(jdbc.queryForObject(
                    "SELECT payload::text FROM event_log WHERE aggregate_identifier = 'legacy-text'", String.class));
            assertThat(shown.get("text").asText()).isEqualTo("x\\u0000y");
            assertThat(shown.get("broken").asText()).isEqualTo("\\udfff\\ud800");
            assertThat(jdbc.queryForObject("SELECT count(*) FROM event_log", Long.class)).isEqualTo(storedEventCount());
            status.setRollbackOnly();
        });
    }

    @Test
    void anUndertakingCannotTakeTheIdOfAFrameOrACurrency() {
        String company = LedgerClient.uniqueOrganisationNumber();
        long events = storedEventCount();
        for (String reserved : List.of("REGIONAL_1_1-2031", "USD", "TILLVAXTVERKET-2030")) {
            Response refused = ledger.post("/api/undertakings", """
                    {"undertakingId":"%s","name":"Kapningsförsök","companies":["%s"]}""".formatted(reserved, company));
            assertThat(refused.status()).as(refused.raw()).isEqualTo(400);
            assertThat(refused.problemType()).isEqualTo("urn:grant-ledger:invalid:reserved-undertaking-id");
        }
        assertThat(storedEventCount()).isEqualTo(events);
        assertThat(ledger.as("attestant").put("/api/appropriations/REGIONAL_1_1/2031",
                "{\"frame\":1000000,\"reference\":\"regleringsbrev 2031\"}").status()).isEqualTo(200);
        assertThat(ledger.post("/api/exchange-rates", """
                {"currency":"USD","date":"2031-01-02","sekPerUnit":10.25,"source":"Riksbanken"}""").status()).isIn(201, 409);
    }

    @Test
    void aPathIdOfAnotherKindOfCaseIsNotFound() {
        ledger.ensureEuroRate("2031-01-03", "11");
        String projectId = ledger.registerProject();
        for (String path : List.of("/api/projects/EUR/closure", "/api/projects/REGIONAL_1_1-2025/withdrawal",
                "/api/business-supports/" + projectId + "/closure", "/api/commercial-service-grants/EUR/closure")) {
            long events = storedEventCount();
            Response answer = ledger.as("attestant").post(path, "{\"closedOn\":\"2026-01-01\",\"withdrawnOn\":\"2026-01-01\","
                    + "\"decisionDate\":\"2026-01-01\",\"reason\":\"x\"}");
            assertThat(answer.status()).as(path + " " + answer.raw()).isEqualTo(404);
            assertThat(storedEventCount()).isEqualTo(events);
        }
    }

    /** The kinds of case are one aggregate (docs/adr/0013); a kind's own command on another kind's id is not found. */
    @Test
    void aKindsOwnWriteOnAnotherKindOfCaseIsNotFound() {
        String project = ledger.registerProject();
        String support = ledger.decidedBusinessSupport("1000");
        String service = ledger.registerCommercialService("10000");
        Map<String, String> writes = Map.of(
                "/api/commercial-service-grants/" + support + "/decision",
                "{\"decisionNumber\":\"1\",\"decisionDate\":\"2025-02-01\",\"amount\":5000}",
                "/api/business-supports/" + service + "/decision",
                "{\"decisionNumber\":\"1\",\"decisionDate\":\"2025-06-02\",\"amount\":1000}",
                "/api/projects/" + support + "/requisitions",
                "{\"period\":{\"start\":\"2025-04-01\",\"end\":\"2025-09-30\"},\"costs\":{\"STAFF\":1000},"
                        + "\"submittedOn\":\"2025-10-01\"}",
                "/api/projects/" + service + "/grant-decision/proposal",
                "{\"plan\":" + LedgerClient.plan("500000", "400000", "100000") + "}",
                "/api/business-supports/" + project + "/payments",
                "{\"amount\":100,\"paymentDate\":\"2025-07-01\",\"paymentReference\":\"UB\"}");
        writes.forEach((path, body) -> {
            long events = storedEventCount();
            Response answer = ledger.as("enhetschef").post(path, body);
            assertThat(answer.status()).as(path + " " + answer.raw()).isEqualTo(404);
            assertThat(answer.contentType()).startsWith("application/problem+json");
            assertThat(storedEventCount()).isEqualTo(events);
        });
    }

    @Test
    void anUndertakingIdThatIsNotUrlSafeIsRefusedBeforeAnythingIsStored() {
        for (String id : List.of("a b", "a\\\"b", "{x}", "a\\\\b", "<b>", "x".repeat(65))) {
            long events = storedEventCount();
            Response refused = ledger.post("/api/undertakings", """
                    {"undertakingId":"%s","name":"Sala AB","companies":["%s"]}""".formatted(id, LedgerClient.uniqueOrganisationNumber()));
            assertThat(refused.status()).as(id + " " + refused.raw()).isEqualTo(400);
            assertThat(storedEventCount()).isEqualTo(events);
        }
        String id = "sala.grupp_" + System.nanoTime();
        Response created = ledger.post("/api/undertakings", """
                {"undertakingId":"%s","name":"Sala AB","companies":["%s"]}""".formatted(id, LedgerClient.uniqueOrganisationNumber()));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.headers().firstValue("Location")).contains("/api/undertakings/" + id);
        Response taken = ledger.post("/api/undertakings", """
                {"undertakingId":"%s","name":"Sala AB","companies":["%s"]}""".formatted(id, LedgerClient.uniqueOrganisationNumber()));
        assertThat(taken.status()).isEqualTo(409);
    }

    @Test
    void aStreamEndpointShowsEveryEventNotTheNewestSnapshot() {
        String company = LedgerClient.uniqueOrganisationNumber();
        String undertaking = ledger.registerUndertaking(company);
        for (int i = 0; i < 25; i++) {
            ledger.as("handlaggare").ok("/api/undertakings/" + undertaking + "/de-minimis", """
                    {"company":"%s","grantor":"Almi","grantedOn":"2030-01-%02d","amountEur":100}""".formatted(company, 1 + i));
        }
        assertThat(jdbc.queryForObject("SELECT count(*) FROM snapshot_event_entry WHERE aggregate_identifier = ?",
                Long.class, undertaking)).as("snapshots are taken every 10 events in the tests").isPositive();
        JsonNode events = ledger.as("revisor").get("/api/undertakings/" + undertaking + "/events").body();
        assertThat(events).hasSize(26);
        assertThat(events.get(0).get("type").asText()).isEqualTo("UndertakingRegistered");
        for (int i = 0; i < events.size(); i++) {
            assertThat(events.get(i).get("sequence").asLong()).isEqualTo(i);
        }
    }

    @Test
    void anAbsurdRateOrDateIsRefusedAndTheProjectionKeepsUp() {
        long events = storedEventCount();
        for (String body : List.of(
                "{\"currency\":\"NOK\",\"date\":\"+999999999-12-31\",\"sekPerUnit\":1,\"source\":\"x\"}",
                "{\"currency\":\"NOK\",\"date\":\"2031-02-01\",\"sekPerUnit\":1E400,\"source\":\"x\"}",
                "{\"currency\":\"NOK\",\"date\":\"2031-02-01\",\"sekPerUnit\":1000000,\"source\":\"x\"}",
                "{\"currency\":\"NOK\",\"date\":\"2031-02-01\",\"sekPerUnit\":1,\"source\":\"x\\u0000\"}",
                "{\"currency\":\"NOK\",\"date\":\"2031-02-01\",\"sekPerUnit\":1,\"source\":\"\\udfff\\ud800\"}")) {
            Response refused = ledger.post("/api/exchange-rates", body);
            assertThat(refused.status()).as(body + " " + refused.raw()).isEqualTo(400);
        }
        assertThat(storedEventCount()).isEqualTo(events);
        Response accepted = ledger.post("/api/exchange-rates",
                "{\"currency\":\"NOK\",\"date\":\"2031-02-0" + (1 + (int) (System.nanoTime() % 8)) + "\",\"sekPerUnit\":0.98,\"source\":\"Riksbanken\"}");
        assertThat(accepted.status()).as(accepted.raw()).isIn(201, 409);
    }

    @Test
    void sumsThatOverflowAndTextThatCannotBeStoredAreRefused() {
        String projectId = ledger.registerProject();
        long events = storedEventCount();
        Response overflow = ledger.as("handlaggare").post("/api/projects/" + projectId + "/grant-decision/proposal",
                "{\"plan\":" + LedgerClient.plan("92233720368547758", "92233720368547758", "1") + "}");
        assertThat(overflow.status()).as(overflow.raw()).isEqualTo(400);
        Response payment = ledger.as("handlaggare").post("/api/projects/" + projectId + "/advances", """
                {"amount":92233720368547758.07,"paymentDate":"2025-06-30","paymentReference":"UB","reason":"x"}""");
        assertThat(payment.status()).as(payment.raw()).isEqualTo(400);
        Response nul = ledger.as("handlaggare").post("/api/projects", """
                {"diaryNumber":"RV\\u0000","title":"T","owner":{"name":"Almi","organisationNumber":"556486-7678"},
                 "municipalities":["1980"],"kind":"PROJECT","goalArea":"x","period":{"start":"2025-04-01","end":"2028-03-31"}}""");
        assertThat(nul.status()).as(nul.raw()).isEqualTo(400);
        Response long_ = ledger.as("handlaggare").post("/api/projects", """
                {"diaryNumber":"%s","title":"%s","owner":{"name":"Almi","organisationNumber":"556486-7678"},
                 "municipalities":["1980"],"kind":"PROJECT","goalArea":"x","period":{"start":"2025-04-01","end":"2028-03-31"}}"""
                .formatted(LedgerClient.uniqueDiaryNumber(), "T".repeat(1024 * 1024 - 1000)));
        assertThat(long_.status()).as(long_.raw().substring(0, Math.min(300, long_.raw().length()))).isEqualTo(400);
        assertThat(storedEventCount()).isEqualTo(events);
    }

    @Test
    void malformedRequestsAre400Or415Problems() throws Exception {
        assertThat(raw("POST", "/api/exchange-rates", "multipart/form-data", "x")).isEqualTo(415);
        assertThat(raw("POST", "/api/exchange-rates", "application/*", "x")).isEqualTo(415);
        assertThat(raw("POST", "/api/exchange-rates", "application/json",
                "{\"currency\":\"NOK\",\"currency\":\"DKK\",\"date\":\"2031-03-01\",\"sekPerUnit\":1,\"source\":\"x\"}"))
                .isEqualTo(400);
        assertThat(raw("POST", "/api/projects/%00/closure", "application/json", "{}")).isEqualTo(400);
        assertThat(raw("POST", "/api/projects/%5C/closure", "application/json", "{}")).isEqualTo(400);
        long events = storedEventCount();
        for (String key : new String[]{null, "chunked-" + System.nanoTime()}) {
            HttpRequest.Builder chunked = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/projects"))
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                            "enhetschef:enhetschef-demo".getBytes(StandardCharsets.UTF_8)))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(
                            ("{\"title\":\"" + "x".repeat(3 * 1024 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8))));
            if (key != null) {
                chunked.header("Idempotency-Key", key);
            }
            HttpResponse<String> tooLarge = HTTP.send(chunked.build(), HttpResponse.BodyHandlers.ofString());
            assertThat(tooLarge.statusCode()).as("a chunked body of 3 MiB, key " + key + ": " + tooLarge.body())
                    .isEqualTo(413);
        }
        assertThat(storedEventCount()).isEqualTo(events);
    }

    @Test
    void signInFailuresUnknownPathsAndWrongMethodsAreProblems() {
        Response wrongPassword = ledger.as("handlaggare-wrong").get("/api/projects");
        assertThat(wrongPassword.status()).isEqualTo(401);
        assertThat(wrongPassword.contentType()).startsWith("application/problem+json");
        Response unknown = ledger.get("/api/no-such-thing");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
        Response wrongMethod = ledger.put("/api/projects", "{}");
        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(wrongMethod.contentType()).startsWith("application/problem+json");
        assertThat(ledger.as("rapport").post("/api/projects", "{}").status()).as("a real endpoint the role does not open")
                .isEqualTo(403);
    }

    @Test
    void theOpenApiDocumentNamesSignInAndTheRealAnswers() {
        JsonNode document = ledger.get("/v3/api-docs").body();
        assertThat(document.at("/info/title").asText()).isEqualTo("grant-ledger");
        assertThat(document.at("/components/securitySchemes/basic/scheme").asText()).isEqualTo("basic");
        assertThat(document.at("/components/securitySchemes/bearer/scheme").asText()).isEqualTo("bearer");
        JsonNode decide = document.at("/paths/~1api~1projects~1{projectId}~1grant-decision/post/responses");
        for (String code : List.of("200", "400", "401", "403", "404", "409", "412", "422", "503")) {
            assertThat(decide.has(code)).as(code).isTrue();
        }
        assertThat(decide.at("/422/content/application~1problem+json/schema/$ref").asText()).endsWith("/Problem");
    }

    private int raw(String method, String path, String contentType, String body) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        "enhetschef:enhetschef-demo".getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", contentType)
                .method(method, HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.headers().firstValue("Content-Type").orElse("")).as(response.body())
                .startsWith("application/problem+json");
        return response.statusCode();
    }

    private static JsonNode read(String json) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
