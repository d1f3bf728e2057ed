package se.region.grantledger.bench.simulations;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * What the simulations share: the service they load ({@code -Dbench.url}), how many users and for how long, the
 * year they decide in, and the demo users' requests a finance office makes.
 */
final class Load {

    static final String URL = System.getProperty("bench.url", "http://localhost:8080");
    static final int USERS = Integer.getInteger("bench.users", 8);
    static final int SECONDS = Integer.getInteger("bench.seconds", 20);
    static final int YEAR = Integer.getInteger("bench.year", 2025);

    static final HttpProtocolBuilder PROTOCOL = http.baseUrl(URL).acceptHeader("application/json")
            .contentTypeHeader("application/json").shareConnections();

    private Load() {
    }

    static HttpRequestActionBuilder as(String user, HttpRequestActionBuilder request) {
        return request.basicAuth(user, user + "-demo");
    }

    /** A project of its own, decided: 5 000 000 kr 1:1 and as much ERUF, in the bench year. */
    static final ChainBuilder DECIDED_PROJECT = exec(
            as("handlaggare", http("register project").post("/api/projects").body(StringBody("""
                    {"diaryNumber":"L-#{randomUuid()}","title":"Last","owner":{"name":"Almi","organisationNumber":"556486-7678"},
                     "municipalities":["1980","1981","1982"],"kind":"PROJECT","goalArea":"Tillväxtföretag",
                     "period":{"start":"%d-01-01","end":"%d-12-31"}}""".formatted(YEAR, YEAR + 2)))
                    .check(status().is(201), jsonPath("$.projectId").saveAs("projectId"))),
            as("handlaggare", http("propose grant").post("/api/projects/#{projectId}/grant-decision/proposal").body(StringBody("""
                    {"plan":[{"funder":"R","category":"REGIONAL_1_1","form":"CASH","amount":5000000},
                             {"funder":"E","category":"ERUF","form":"CASH","amount":5000000}]}"""))
                    .check(status().in(200, 201))),
            as("attestant", http("decide grant").post("/api/projects/#{projectId}/grant-decision").body(StringBody(
                    "{\"decisionNumber\":\"L\",\"decisionDate\":\"" + YEAR + "-01-02\"}")).check(status().is(200))));

    /** One requisition submitted, approved, paid (proposed and attested by another): four writes to one case. */
    static final ChainBuilder REQUISITION_PAID = exec(
            as("handlaggare", http("submit requisition").post("/api/projects/#{projectId}/requisitions").body(StringBody("""
                    {"period":{"start":"%d-01-01","end":"%d-06-30"},"costs":{"STAFF":1000},"submittedOn":"%d-07-01"}"""
                    .formatted(YEAR, YEAR, YEAR))).check(status().is(201), jsonPath("$.id").saveAs("requisitionId"))),
            as("attestant", http("approve requisition").post("/api/projects/#{projectId}/requisitions/#{requisitionId}/approval")
                    .body(StringBody("{\"decisionDate\":\"" + YEAR + "-07-02\"}")).check(status().is(200))),
            as("handlaggare", http("propose payment").post("/api/projects/#{projectId}/payments").body(StringBody("""
                    {"requisitionId":"#{requisitionId}","amount":500,"fund":"REGIONAL_1_1","paymentDate":"%d-07-03","paymentReference":"UB"}"""
                    .formatted(YEAR))).check(status().is(201), jsonPath("$.id").saveAs("paymentId"))),
            as("attestant2", http("attest payment").post("/api/projects/#{projectId}/payments/#{paymentId}/attestation")
                    .body(StringBody("{}")).check(status().is(200))));

    /** A commercial service grant registered and decided: the decision reserves on the year's one frame stream. */
    static final ChainBuilder DECIDED_ON_THE_FRAME = exec(
            as("handlaggare", http("register commercial service").post("/api/commercial-service-grants").body(StringBody("""
                    {"diaryNumber":"L-#{randomUuid()}","recipient":{"name":"Lanthandeln","organisationNumber":"556486-7678"},
                     "recipientKind":"SHOP","municipality":"1962","serviceType":"HOME_DELIVERY","year":%d,"netCost":2000}"""
                    .formatted(YEAR))).check(status().is(201), jsonPath("$.grantId").saveAs("grantId"))),
            as("attestant", http("decide on the frame").post("/api/commercial-service-grants/#{grantId}/decision")
                    .body(StringBody("{\"decisionNumber\":\"L\",\"decisionDate\":\"" + YEAR + "-02-01\",\"amount\":1000}"))
                    .check(status().is(200))));

    /** What finance staff read around a payment: the project, the list, its events, reports, the frame. */
    static final ChainBuilder FINANCE_STAFF_READS = exec(
            as("handlaggare", http("read the project").get("/api/projects/#{projectId}").check(status().is(200))),
            as("handlaggare", http("list projects").get("/api/projects?size=20").check(status().is(200))),
            as("revisor", http("read its events").get("/api/projects/#{projectId}/events").check(status().is(200))),
            as("rapport", http("leverage report").get("/api/reports/leverage?year=" + YEAR).check(status().is(200))),
            as("rapport", http("disbursements report").get("/api/reports/disbursements?year=" + YEAR).check(status().is(200))),
            as("rapport", http("commitments report").get("/api/reports/commitments").check(status().is(200))),
            as("handlaggare", http("frame position").get("/api/appropriations/REGIONAL_1_1/" + YEAR).check(status().is(200))));

    /** Every report of the bench year, as the REPORTER role. */
    static final ChainBuilder EVERY_REPORT = exec(
            as("rapport", http("leverage").get("/api/reports/leverage?year=" + YEAR).check(status().is(200))),
            as("rapport", http("disbursements").get("/api/reports/disbursements?year=" + YEAR).check(status().is(200))),
            as("rapport", http("business support").get("/api/reports/business-support?year=" + YEAR).check(status().is(200))),
            as("rapport", http("goal areas").get("/api/reports/goal-areas?year=" + YEAR).check(status().is(200))),
            as("rapport", http("commitments").get("/api/reports/commitments").check(status().is(200))),
            as("rapport", http("annual page").get("/api/reports/annual/" + YEAR).header("Accept", "text/html")
                    .check(status().is(200))));

    /** The bench year's 1:1 frame, roomy; set before a simulation (setting it again changes nothing it reads). */
    static void roomyFrame() {
        try {
            HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create(URL + "/api/appropriations/REGIONAL_1_1/" + YEAR)).timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("attestant:attestant-demo"
                            .getBytes(StandardCharsets.UTF_8)))
                    .header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString("{\"frame\":100000000000,\"reference\":\"bench\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new IllegalStateException("PUT frame answered " + answer.statusCode() + ": " + answer.body());
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
