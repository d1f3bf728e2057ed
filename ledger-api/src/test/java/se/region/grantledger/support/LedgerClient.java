package se.region.grantledger.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

/**
 * Talks to the running service over real HTTP, as a finance system would, signed in as one of the demo users
 * (password: the user name followed by "-demo"). By default as "enhetschef", who holds both write roles.
 */
public class LedgerClient {

    public static final String DEFAULT_USER = "enhetschef";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private final String base;
    private final String user;

    public LedgerClient(String base) {
        this(base, DEFAULT_USER);
    }

    private LedgerClient(String base, String user) {
        this.base = base;
        this.user = user;
    }

    /** The same service, signed in as another demo user; {@code null} for nobody. */
    public LedgerClient as(String otherUser) {
        return new LedgerClient(base, otherUser);
    }

    public LedgerClient anonymous() {
        return new LedgerClient(base, null);
    }

    public record Response(int status, String contentType, JsonNode body, String raw, HttpHeaders headers) {
        public String problemType() {
            return body.path("type").asText();
        }
    }

    public Response get(String path) {
        return send(request(path).GET().build());
    }

    public Response post(String path, String json) {
        return post(path, json, Map.of());
    }

    public Response post(String path, String json, Map<String, String> headers) {
        HttpRequest.Builder request = request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        headers.forEach(request::header);
        return send(request.build());
    }

    public Response put(String path, String json) {
        return send(request(path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    /** POST of files as multipart/form-data, each as a part named {@code file}. */
    public Response upload(String path, Map<String, byte[]> files) {
        String boundary = "ledger-" + UUID.randomUUID();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        files.forEach((name, bytes) -> {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
                    + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.writeBytes(bytes);
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        });
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build());
    }

    /** GET of bytes, with an Accept header: a workbook, say. */
    public byte[] bytes(String path, String accept) {
        try {
            HttpResponse<byte[]> response = HTTP.send(request(path).header("Accept", accept).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new AssertionError("GET " + path + " answered " + response.statusCode());
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path));
        if (user != null) {
            String credentials = user + ":" + user + "-demo";
            request.header("Authorization", "Basic "
                    + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        return request;
    }

    /** POST that must succeed; returns the body. */
    public JsonNode ok(String path, String json) {
        Response response = post(path, json);
        if (response.status() / 100 != 2) {
            throw new AssertionError("POST " + path + " answered " + response.status() + ": " + response.raw());
        }
        return response.body();
    }

    private Response send(HttpRequest request) {
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            String raw = response.body();
            String contentType = response.headers().firstValue("Content-Type").orElse("");
            JsonNode body = raw == null || raw.isBlank() || !contentType.contains("json")
                    ? JSON.createObjectNode() : JSON.readTree(raw);
            return new Response(response.statusCode(), contentType, body, raw, response.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    // --- building blocks of a project's life ------------------------------------------------------------

    public static String uniqueDiaryNumber() {
        return "RV" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    /** Frames already allocated per service (base URL), so each is set once per service. */
    private static final java.util.Set<String> FRAMES_ALLOCATED = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /** Enough 1:1 frame for every test's decisions in the years the tests decide in; set once per service. */
    public void ensureRoomyFrames() {
        for (int year = 2024; year <= 2027; year++) {
            if (FRAMES_ALLOCATED.add(base + "REGIONAL_1_1-" + year)) {
                allocateFrame("REGIONAL_1_1", year, "1000000000");
            }
        }
    }

    /** Sets a fund's frame for a year (by "attestant", an approver). */
    public JsonNode allocateFrame(String fund, int year, String kronor) {
        Response response = as("attestant").put("/api/appropriations/" + fund + "/" + year,
                "{\"frame\":" + kronor + ",\"reference\":\"regleringsbrev " + year + "\"}");
        if (response.status() != 200) {
            throw new AssertionError("PUT frame answered " + response.status() + ": " + response.raw());
        }
        return response.body();
    }

    public String registerProject(String kind, String municipalitiesJson) {
        ensureRoomyFrames();
        JsonNode project = as("handlaggare").ok("/api/projects", """
                {"diaryNumber":"%s","title":"Testprojekt","owner":{"name":"Almi Mälardalen","organisationNumber":"556486-7678"},
                 "municipalities":%s,"kind":"%s","goalArea":"Tillväxtföretag",
                 "period":{"start":"2025-04-01","end":"2028-03-31"}}""".formatted(uniqueDiaryNumber(), municipalitiesJson, kind));
        return project.get("projectId").asText();
    }

    public String registerProject() {
        return registerProject("PROJECT", "[\"1980\",\"1981\",\"1982\"]");
    }

    /** A plan of {@code regional} 1:1 cash, {@code eruf} ERUF cash and {@code inKind} municipal time. */
    public static String plan(String regional, String eruf, String inKind) {
        return """
                [{"funder":"Region Västmanland","category":"REGIONAL_1_1","form":"CASH","amount":%s},
                 {"funder":"ERUF","category":"ERUF","form":"CASH","amount":%s},
                 {"funder":"Kommunerna","category":"MUNICIPALITY","form":"IN_KIND","amount":%s}]""".formatted(regional, eruf, inKind);
    }

    /** Four-eyes: "handlaggare" prepares, "attestant" decides. */
    public JsonNode decideGrant(String projectId, String planJson) {
        as("handlaggare").ok("/api/projects/" + projectId + "/grant-decision/proposal", "{\"plan\":" + planJson + "}");
        return as("attestant").ok("/api/projects/" + projectId + "/grant-decision",
                "{\"decisionNumber\":\"RUN 2025/1\",\"decisionDate\":\"2025-03-20\"}");
    }

    public String submitRequisition(String projectId, String costsJson) {
        return as("handlaggare").ok("/api/projects/" + projectId + "/requisitions", """
                {"period":{"start":"2025-04-01","end":"2025-09-30"},"costs":%s,"submittedOn":"2025-10-15"}"""
                .formatted(costsJson)).get("id").asText();
    }

    /** Approved by "attestant", who then may not attest the payment for it. */
    public JsonNode approve(String projectId, String requisitionId, String deductionsJson) {
        return as("attestant").ok("/api/projects/" + projectId + "/requisitions/" + requisitionId + "/approval", """
                {"decisionDate":"2025-11-01","deductions":%s}""".formatted(deductionsJson));
    }

    /**
     * Four-eyes: "handlaggare" proposes, "attestant2" attests. Returns the proposal's answer if it was refused,
     * else the attestation's.
     */
    public Response pay(String projectId, String requisitionId, String amount) {
        Response proposed = as("handlaggare").post("/api/projects/" + projectId + "/payments", """
                {"requisitionId":"%s","amount":%s,"fund":"REGIONAL_1_1","paymentDate":"2025-11-20","paymentReference":"UB-%s"}"""
                .formatted(requisitionId, amount, UUID.randomUUID()));
        return proposed.status() != 201 ? proposed : attest(projectId, proposed.body().get("id").asText(), "attestant2");
    }

    public Response attest(String projectId, String paymentId, String attester) {
        return as(attester).post("/api/projects/" + projectId + "/payments/" + paymentId + "/attestation", "{}");
    }

    /** An advance proposed by "handlaggare" and attested by "attestant". */
    public Response payAdvance(String projectId, String amount, String date) {
        Response proposed = as("handlaggare").post("/api/projects/" + projectId + "/advances", """
                {"amount":%s,"paymentDate":"%s","paymentReference":"UB-A","reason":"särskilda skäl"}""".formatted(amount, date));
        return proposed.status() != 201 ? proposed : attest(projectId, proposed.body().get("id").asText(), "attestant");
    }

    // --- building blocks of business support, commercial service and de minimis ------------------------

    /** A valid organisation number no other test uses: 55 + seven random digits + the Luhn check digit. */
    public static String uniqueOrganisationNumber() {
        String nine = "55" + String.format("%07d", java.util.concurrent.ThreadLocalRandom.current().nextInt(10_000_000));
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            int digit = (nine.charAt(i) - '0') * (i % 2 == 0 ? 2 : 1);
            sum += digit > 9 ? digit - 9 : digit;
        }
        String ten = nine + (10 - sum % 10) % 10;
        return ten.substring(0, 6) + "-" + ten.substring(6);
    }

    /** Registers a single undertaking of the given companies (by "handlaggare"); returns its id. */
    public String registerUndertaking(String... organisationNumbers) {
        String companies = java.util.Arrays.stream(organisationNumbers).map(n -> "\"" + n + "\"")
                .collect(java.util.stream.Collectors.joining(","));
        return as("handlaggare").ok("/api/undertakings", "{\"name\":\"Testkoncernen\",\"companies\":[" + companies + "]}")
                .get("undertakingId").asText();
    }

    /** Registers the EUR rate of a day unless one is already registered (tests share the service). */
    public void ensureEuroRate(String date, String sekPerEuro) {
        Response response = as("handlaggare").post("/api/exchange-rates", """
                {"currency":"EUR","date":"%s","sekPerUnit":%s,"source":"ECB"}""".formatted(date, sekPerEuro));
        if (response.status() != 201 && response.status() != 409) {
            throw new AssertionError("POST rate answered " + response.status() + ": " + response.raw());
        }
    }

    /** Registers an application (by "handlaggare") for a company in a municipality; returns the case id. */
    public String registerBusinessSupport(String organisationNumber, String municipality, String type, String fund) {
        ensureRoomyFrames();
        return as("handlaggare").ok("/api/business-supports", """
                {"diaryNumber":"%s","company":{"organisationNumber":"%s","name":"Testbolaget AB","municipality":"%s",
                 "ledByWoman":true,"ledByPersonBornAbroad":false},"supportType":"%s","fund":"%s","purpose":"ny maskin"}"""
                .formatted(uniqueDiaryNumber(), organisationNumber, municipality, type, fund)).get("caseId").asText();
    }

    /** The decision, by "attestant" (not the registrar). */
    public Response decideBusinessSupport(String caseId, String date, String amount) {
        return as("attestant").post("/api/business-supports/" + caseId + "/decision", """
                {"decisionNumber":"RUN %s","decisionDate":"%s","amount":%s}""".formatted(date, date, amount));
    }

    /** A home-delivery application for a year's service (by "handlaggare"); returns the grant id. */
    public String registerCommercialService(String netCost) {
        ensureRoomyFrames();
        return as("handlaggare").ok("/api/commercial-service-grants", """
                {"diaryNumber":"%s","recipient":{"name":"Norbergs kommun","organisationNumber":"212000-2049"},
                 "recipientKind":"MUNICIPALITY","municipality":"1962","serviceType":"HOME_DELIVERY","year":2025,
                 "netCost":%s}""".formatted(uniqueDiaryNumber(), netCost)).get("grantId").asText();
    }

    public Response decideCommercialService(String grantId, String date, String amount) {
        return as("attestant").post("/api/commercial-service-grants/" + grantId + "/decision", """
                {"decisionNumber":"RUN %s","decisionDate":"%s","amount":%s}""".formatted(date, date, amount));
    }

    /**
     * A consultancy check decided for a company of its own undertaking in Sala: registered by "handlaggare",
     * decided by "attestant" on 2025-06-02 for {@code amount}. Returns the case id.
     */
    public String decidedBusinessSupport(String amount) {
        String company = uniqueOrganisationNumber();
        registerUndertaking(company);
        ensureEuroRate("2025-06-02", "11.00");
        String id = registerBusinessSupport(company, "1981", "CONSULTANCY_CHECK", "REGIONAL_1_1");
        Response decided = decideBusinessSupport(id, "2025-06-02", amount);
        if (decided.status() != 200) {
            throw new AssertionError("decision answered " + decided.status() + ": " + decided.raw());
        }
        return id;
    }

    /** A home-delivery grant of half a net cost of 2 × {@code amount}, decided by "attestant" on 2025-02-01. */
    public String decidedCommercialService(String amount) {
        String id = registerCommercialService(new BigDecimal(amount).multiply(BigDecimal.valueOf(2)).toPlainString());
        Response decided = decideCommercialService(id, "2025-02-01", amount);
        if (decided.status() != 200) {
            throw new AssertionError("decision answered " + decided.status() + ": " + decided.raw());
        }
        return id;
    }

    public static BigDecimal sek(JsonNode amount) {
        return amount.decimalValue();
    }
}
