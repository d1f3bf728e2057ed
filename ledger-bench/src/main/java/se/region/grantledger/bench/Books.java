package se.region.grantledger.bench;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Fills a ledger with realistic books through the real command path (REST, so every rule, the four-eyes checks,
 * the frames, the hash chain and the read models are real): per project a plan over every funder category, a
 * decision, two requisitions each approved and paid, with amendments and recoveries on some; business support
 * for a company of its own undertaking on every third, commercial service on every fifth; spread over ten years
 * and the county's ten municipalities.
 */
final class Books {

    static final int FIRST_YEAR = 2016;
    static final int YEARS = 10;
    static final String[] MUNICIPALITIES = {"1904", "1907", "1960", "1961", "1962", "1980", "1981", "1982", "1983", "1984"};
    private static final String[] GOAL_AREAS = {"Tillväxtföretag", "Kompetensförsörjning", "Innovation", "Besöksnäring",
            "Hållbar omställning"};
    private static final String[] SUPPORT_TYPES = {"INVESTMENT_GRANT", "CONSULTANCY_CHECK", "INNOVATION_SUPPORT",
            "DIGITALISATION_CHECK", "INTERNATIONALISATION_CHECK"};

    private final Ledger ledger;
    private final AtomicLong writes = new AtomicLong();

    Books(Ledger ledger) {
        this.ledger = ledger;
    }

    record Generated(int projects, long writes, long events, long millis) {
    }

    /** Frames and rates first (once), then the projects on {@code clients} threads. */
    Generated generate(int projects, int clients, long seed) throws Exception {
        long started = System.nanoTime();
        long eventsBefore = storedEvents();
        for (int year = FIRST_YEAR; year < FIRST_YEAR + YEARS + 1; year++) {
            write("attestant", "PUT", "/api/appropriations/REGIONAL_1_1/" + year,
                    "{\"frame\":100000000000,\"reference\":\"regleringsbrev " + year + "\"}");
            ledger.send("handlaggare", "POST", "/api/exchange-rates",
                    "{\"currency\":\"EUR\",\"date\":\"" + year + "-06-02\",\"sekPerUnit\":11.00,\"source\":\"ECB\"}");
        }
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < projects; i++) {
                int index = i;
                done.add(pool.submit(() -> {
                    project(index, new Random(seed + index));
                    return null;
                }));
            }
            for (Future<?> each : done) {
                each.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return new Generated(projects, writes.get(), storedEvents() - eventsBefore, (System.nanoTime() - started) / 1_000_000);
    }

    /** The event store's size, as the operations endpoint counts it. */
    private long storedEvents() {
        return ledger.write("drift", "GET", "/api/admin/projections", null).get("total").asLong();
    }

    private void project(int index, Random random) {
        int year = FIRST_YEAR + index % YEARS;
        String municipality = MUNICIPALITIES[index % MUNICIPALITIES.length];
        String id = write("handlaggare", "POST", "/api/projects", """
                {"diaryNumber":"%s","title":"Projekt %d","owner":{"name":"Almi Mälardalen","organisationNumber":"556486-7678"},
                 "municipalities":["%s","%s","%s"],"kind":"PROJECT","goalArea":"%s","period":{"start":"%d-04-01","end":"%d-03-31"}}"""
                .formatted(diaryNumber(), index, municipality, MUNICIPALITIES[(index + 1) % MUNICIPALITIES.length],
                        MUNICIPALITIES[(index + 2) % MUNICIPALITIES.length], GOAL_AREAS[index % GOAL_AREAS.length], year, year + 2))
                .get("projectId").asText();

        long regional = 100_000 + random.nextInt(900_000);
        long[] others = {regional / 2, regional / 4, regional / 8, regional / 5, regional / 10, regional / 10,
                regional / 20, regional / 10};
        long total = regional;
        for (long other : others) {
            total += other;
        }
        write("handlaggare", "POST", "/api/projects/" + id + "/grant-decision/proposal", """
                {"plan":[{"funder":"Region Västmanland","category":"REGIONAL_1_1","form":"CASH","amount":%d},
                 {"funder":"ERUF","category":"ERUF","form":"CASH","amount":%d},
                 {"funder":"Tillväxtverket","category":"TILLVAXTVERKET_NATIONAL","form":"CASH","amount":%d},
                 {"funder":"Vinnova","category":"VINNOVA","form":"CASH","amount":%d},
                 {"funder":"Kommunerna","category":"MUNICIPALITY","form":"IN_KIND","amount":%d},
                 {"funder":"Region Örebro län","category":"OTHER_REGION","form":"CASH","amount":%d},
                 {"funder":"Mälardalens universitet","category":"OTHER_PUBLIC","form":"CASH","amount":%d},
                 {"funder":"Företagen","category":"PRIVATE","form":"CASH","amount":%d},
                 {"funder":"Regionen","category":"REGIONAL_OWN","form":"IN_KIND","amount":%d}]}"""
                .formatted(regional, others[0], others[1], others[2], others[3], others[4], others[5], others[6], others[7]));
        write("attestant", "POST", "/api/projects/" + id + "/grant-decision",
                "{\"decisionNumber\":\"RUN " + year + "/" + index + "\",\"decisionDate\":\"" + year + "-03-20\"}");

        long costs = total / 10;
        long payable = costs * regional / total - 1;
        requisitionPaid(id, costs, payable, year + "-04-01", year + "-09-30", year + "-10-15", year + "-11-01", year + "-11-20");
        if (index % 10 == 3) {
            write("attestant", "POST", "/api/projects/" + id + "/grant-amendments", """
                    {"decisionNumber":"RUN %d/%d ä","decisionDate":"%d-02-01","period":{"start":"%d-04-01","end":"%d-03-31"},
                     "reason":"förlängd projekttid"}""".formatted(year + 1, index, year + 1, year, year + 3));
        }
        requisitionPaid(id, costs, payable, year + "-10-01", (year + 1) + "-03-31", (year + 1) + "-04-15",
                (year + 1) + "-05-01", (year + 1) + "-05-20");
        if (index % 7 == 5) {
            write("attestant", "POST", "/api/projects/" + id + "/recoveries",
                    "{\"decisionDate\":\"" + (year + 1) + "-06-01\",\"amount\":1000,\"reason\":\"ej stödberättigande kostnad\"}");
        }
        if (index % 3 == 0) {
            businessSupport(index, year, municipality);
        }
        if (index % 5 == 0) {
            commercialService(year, municipality);
        }
    }

    private void requisitionPaid(String projectId, long costs, long payable, String from, String to, String submitted,
                                 String approved, String paid) {
        String base = "/api/projects/" + projectId;
        String requisition = write("handlaggare", "POST", base + "/requisitions", """
                {"period":{"start":"%s","end":"%s"},"costs":{"STAFF":%d,"EXTERNAL_SERVICES":%d},"submittedOn":"%s"}"""
                .formatted(from, to, costs - costs / 3, costs / 3, submitted)).get("id").asText();
        write("attestant", "POST", base + "/requisitions/" + requisition + "/approval", "{\"decisionDate\":\"" + approved + "\"}");
        String payment = write("handlaggare", "POST", base + "/payments", """
                {"requisitionId":"%s","amount":%d,"fund":"REGIONAL_1_1","paymentDate":"%s","paymentReference":"UB-%s"}"""
                .formatted(requisition, payable, paid, UUID.randomUUID())).get("id").asText();
        write("attestant2", "POST", base + "/payments/" + payment + "/attestation", "{}");
    }

    private void businessSupport(int index, int year, String municipality) {
        String type = SUPPORT_TYPES[index % SUPPORT_TYPES.length];
        if (type.equals("INVESTMENT_GRANT") && municipality.equals("1980")) {
            type = "CONSULTANCY_CHECK"; // investment grants go only to companies outside Västerås
        }
        String company = organisationNumber(index);
        write("handlaggare", "POST", "/api/undertakings", "{\"name\":\"Koncern " + index + "\",\"companies\":[\"" + company + "\"]}");
        String id = write("handlaggare", "POST", "/api/business-supports", """
                {"diaryNumber":"%s","company":{"organisationNumber":"%s","name":"Bolag %d AB","municipality":"%s",
                 "ledByWoman":%b,"ledByPersonBornAbroad":%b},"supportType":"%s","fund":"REGIONAL_1_1","purpose":"ny maskin"}"""
                .formatted(diaryNumber(), company, index, municipality, index % 2 == 0, index % 9 == 0, type))
                .get("caseId").asText();
        write("attestant", "POST", "/api/business-supports/" + id + "/decision",
                "{\"decisionNumber\":\"RUN " + year + "/F" + index + "\",\"decisionDate\":\"" + year + "-06-02\",\"amount\":50000}");
        String payment = write("handlaggare", "POST", "/api/business-supports/" + id + "/payments", """
                {"amount":50000,"paymentDate":"%d-09-01","paymentReference":"UB-%s"}""".formatted(year, UUID.randomUUID()))
                .get("id").asText();
        write("attestant2", "POST", "/api/business-supports/" + id + "/payments/" + payment + "/attestation", "{}");
    }

    private void commercialService(int year, String municipality) {
        String id = write("handlaggare", "POST", "/api/commercial-service-grants", """
                {"diaryNumber":"%s","recipient":{"name":"Lanthandeln","organisationNumber":"556486-7678"},
                 "recipientKind":"SHOP","municipality":"%s","serviceType":"HOME_DELIVERY","year":%d,"netCost":200000}"""
                .formatted(diaryNumber(), municipality, year)).get("grantId").asText();
        write("attestant", "POST", "/api/commercial-service-grants/" + id + "/decision",
                "{\"decisionNumber\":\"RUN " + year + "/K\",\"decisionDate\":\"" + year + "-02-01\",\"amount\":100000}");
    }

    private JsonNode write(String user, String method, String path, String body) {
        JsonNode answer = ledger.write(user, method, path, body);
        writes.incrementAndGet();
        return answer;
    }

    private static String diaryNumber() {
        return "BENCH-" + UUID.randomUUID().toString().substring(0, 13).toUpperCase();
    }

    /** A valid organisation number per index: 55, seven digits from the index, and the Luhn check digit. */
    static String organisationNumber(int index) {
        String nine = "55" + String.format("%07d", index % 10_000_000);
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            int digit = (nine.charAt(i) - '0') * (i % 2 == 0 ? 2 : 1);
            sum += digit > 9 ? digit - 9 : digit;
        }
        String ten = nine + (10 - sum % 10) % 10;
        return ten.substring(0, 6) + "-" + ten.substring(6);
    }
}
