package se.region.grantledger.reports;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import se.region.grantledger.support.LedgerClient;
import se.region.grantledger.support.LedgerClient.Response;
import se.region.grantledger.support.LedgerIntegrationTest;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One year's money entered over HTTP (2037: a project, a business support, a home-delivery grant, decided and
 * paid), then every report read as JSON, CSV and Excel, and the annual page as HTML: the same figures in all four.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportFormatsAgreeIT extends LedgerIntegrationTest {

    private static final int YEAR = 2037;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    void enterTheYear() {
        LedgerClient ledger = new LedgerClient("http://localhost:" + port);
        ledger.allocateFrame("REGIONAL_1_1", YEAR, "10000000");
        String project = ledger.registerProject();
        ledger.as("handlaggare").ok("/api/projects/" + project + "/grant-decision/proposal",
                "{\"plan\":" + LedgerClient.plan("1200000", "1500000", "300000") + "}");
        ledger.as("attestant").ok("/api/projects/" + project + "/grant-decision",
                "{\"decisionNumber\":\"RUN 2037/1\",\"decisionDate\":\"2037-02-01\"}");
        String advance = ledger.as("handlaggare").ok("/api/projects/" + project + "/advances", """
                {"amount":300000,"paymentDate":"2037-03-01","paymentReference":"UB-1","reason":"särskilda skäl"}""")
                .get("id").asText();
        ledger.attest(project, advance, "attestant");

        ledger.ensureEuroRate("2037-04-01", "11.00");
        String company = LedgerClient.uniqueOrganisationNumber();
        ledger.registerUndertaking(company);
        String support = ledger.registerBusinessSupport(company, "1981", "INVESTMENT_GRANT", "REGIONAL_1_1");
        assertThat(ledger.decideBusinessSupport(support, "2037-04-01", "110000").status()).isEqualTo(200);
        String payment = ledger.as("handlaggare").ok("/api/business-supports/" + support + "/payments",
                "{\"amount\":110000,\"paymentDate\":\"2037-09-01\",\"paymentReference\":\"UB-2\"}").get("id").asText();
        ledger.as("attestant2").ok("/api/business-supports/" + support + "/payments/" + payment + "/attestation", "{}");

        String grant = ledger.registerCommercialService("90001");
        assertThat(ledger.decideCommercialService(grant, "2037-02-10", "45000.50").status()).isEqualTo(200);
        String servicePayment = ledger.as("handlaggare").ok("/api/commercial-service-grants/" + grant + "/payments",
                "{\"amount\":45000.50,\"paymentDate\":\"2037-03-01\",\"paymentReference\":\"UB-3\"}").get("id").asText();
        ledger.as("attestant").ok("/api/commercial-service-grants/" + grant + "/payments/" + servicePayment
                + "/attestation", "{}");
    }

    @Test
    void jsonCsvExcelAndTheAnnualPageShowTheSameDisbursements() throws Exception {
        JsonNode json = eventually(() -> ledger.as("rapport").get("/api/reports/disbursements?year=" + YEAR).body(),
                body -> body.get("lines").size() == 3);
        Map<String, BigDecimal> fromJson = new HashMap<>();
        fromJson.put("total", json.at("/totalNet/msek").decimalValue());
        json.get("lines").forEach(line -> {
            fromJson.put(line.get("supportType").asText() + " net", line.at("/net/msek").decimalValue());
            fromJson.put(line.get("supportType").asText() + " percent", line.get("sharePercent").decimalValue());
        });
        assertThat(fromJson.get("total")).isEqualByComparingTo("0.5"); // 300 000 + 110 000 + 45 000.50
        assertThat(fromJson.get("PROJECT percent")).isEqualByComparingTo("66");

        Map<String, BigDecimal> fromCsv = new HashMap<>();
        for (CSVRecord row : csv("/api/reports/disbursements?year=" + YEAR)) {
            if (row.get("item").equals("total, net of repayments")) {
                fromCsv.put("total", new BigDecimal(row.get("msek")));
            } else if (row.get("item").equals("net")) {
                String type = row.get("section").replace("REGIONAL_1_1 ", "");
                fromCsv.put(type + " net", new BigDecimal(row.get("msek")));
                fromCsv.put(type + " percent", new BigDecimal(row.get("percent")));
            }
        }
        assertThat(fromCsv).isEqualTo(fromJson);

        Map<String, BigDecimal> fromExcel = new HashMap<>();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(
                bytes("/api/reports/disbursements?year=" + YEAR, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")))) {
            Sheet sheet = workbook.getSheetAt(0);
            for (Row row : sheet) {
                if (row.getRowNum() == 0) {
                    continue;
                }
                String item = row.getCell(1).getStringCellValue();
                BigDecimal msek = row.getCell(3) == null ? null : BigDecimal.valueOf(row.getCell(3).getNumericCellValue());
                if (item.equals("alla fonder, netto efter återbetalningar")) {
                    fromExcel.put("total", msek);
                } else if (item.equals("netto")) {
                    String type = SWEDISH_TYPES.get(row.getCell(0).getStringCellValue());
                    fromExcel.put(type + " net", msek);
                    fromExcel.put(type + " percent", BigDecimal.valueOf(row.getCell(4).getNumericCellValue()));
                }
            }
        }
        assertThat(fromExcel).allSatisfy((key, value) ->
                assertThat(value).as(key).isEqualByComparingTo(fromJson.get(key)));
        assertThat(fromExcel.keySet()).isEqualTo(fromJson.keySet());

        Map<String, String> page = figures(text("/api/reports/annual/" + YEAR));
        assertThat(decimal(page.get("total-msek"))).as("the 1:1 headline")
                .isEqualByComparingTo(json.at("/regional11Net/msek").decimalValue());
        assertThat(decimal(page.get("project-msek"))).isEqualByComparingTo(fromJson.get("PROJECT net"));
        assertThat(decimal(page.get("project-percent"))).isEqualByComparingTo(fromJson.get("PROJECT percent"));
        assertThat(decimal(page.get("business-msek"))).isEqualByComparingTo(fromJson.get("BUSINESS_SUPPORT net"));
        assertThat(decimal(page.get("business-percent"))).isEqualByComparingTo(fromJson.get("BUSINESS_SUPPORT percent"));
        assertThat(page.get("service-sek")).isEqualTo("45\u00a0001");
    }

    @Test
    void leverageAgreesInEveryFormat() throws Exception {
        JsonNode json = eventually(() -> ledger.as("rapport").get("/api/reports/leverage?year=" + YEAR).body(),
                body -> body.at("/regional11/sek").decimalValue().signum() > 0);
        assertThat(json.at("/regional11/sek").decimalValue()).isEqualByComparingTo("1200000");
        assertThat(json.at("/others/msek").decimalValue()).isEqualByComparingTo("1.8");
        assertThat(json.get("othersPerRegionalKrona").decimalValue()).isEqualByComparingTo("1.5");
        Map<String, String> csv = new HashMap<>();
        csv("/api/reports/leverage?year=" + YEAR).forEach(row -> csv.put(row.get("item"),
                row.get("msek").isEmpty() ? row.get("ratio") : row.get("msek")));
        assertThat(new BigDecimal(csv.get("REGIONAL_1_1"))).isEqualByComparingTo(json.at("/regional11/msek").decimalValue());
        assertThat(new BigDecimal(csv.get("others"))).isEqualByComparingTo(json.at("/others/msek").decimalValue());
        assertThat(new BigDecimal(csv.get("others per 1:1 krona"))).isEqualByComparingTo(json.get("othersPerRegionalKrona").decimalValue());
        Map<String, String> page = figures(text("/api/reports/annual/" + YEAR));
        assertThat(decimal(page.get("leverage-regional-msek"))).isEqualByComparingTo(json.at("/regional11/msek").decimalValue());
        assertThat(decimal(page.get("leverage-ratio"))).isEqualByComparingTo(json.get("othersPerRegionalKrona").decimalValue());
    }

    @Test
    void businessSupportAgreesInEveryFormat() throws Exception {
        JsonNode json = eventually(() -> ledger.as("rapport").get("/api/reports/business-support?year=" + YEAR).body(),
                body -> body.get("decisions").asInt() == 1);
        assertThat(json.at("/amount/sek").decimalValue()).isEqualByComparingTo("110000");
        assertThat(json.get("smallerMunicipalitiesAmountPercent").asInt()).isEqualTo(100);
        assertThat(json.get("ledByWomenNumberPercent").asInt()).isEqualTo(100);

        Map<String, CSVRecord> csv = new HashMap<>();
        csv("/api/reports/business-support?year=" + YEAR).forEach(row -> csv.put(row.get("section") + "/" + row.get("item"), row));
        CSVRecord all = csv.get("business support decided " + YEAR + " from 1:1/all");
        assertThat(Integer.parseInt(all.get("count"))).isEqualTo(json.get("decisions").asInt());
        assertThat(new BigDecimal(all.get("msek"))).isEqualByComparingTo(json.at("/amount/msek").decimalValue());
        assertThat(Integer.parseInt(csv.get("smaller municipalities/share of the amount").get("percent")))
                .isEqualTo(json.get("smallerMunicipalitiesAmountPercent").asInt());

        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes("/api/reports/business-support?year="
                + YEAR, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")))) {
            org.apache.poi.xssf.usermodel.XSSFSheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("avsnitt");
            assertThat(workbook.getFontAt(sheet.getRow(0).getCell(0).getCellStyle().getFontIndex()).getBold()).isTrue();
            assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
            assertThat(sheet.getCTWorksheet().isSetAutoFilter()).isTrue();
            Row first = sheet.getRow(1);
            assertThat(first.getCell(1).getStringCellValue()).isEqualTo("samtliga");
            assertThat((int) first.getCell(5).getNumericCellValue()).isEqualTo(json.get("decisions").asInt());
            assertThat(BigDecimal.valueOf(first.getCell(3).getNumericCellValue()))
                    .isEqualByComparingTo(json.at("/amount/msek").decimalValue());
        }

        Map<String, String> page = figures(text("/api/reports/annual/" + YEAR));
        assertThat(page.get("business-decisions")).isEqualTo(json.get("decisions").asText());
        assertThat(decimal(page.get("business-decided-msek"))).isEqualByComparingTo(json.at("/amount/msek").decimalValue());
        assertThat(decimal(page.get("smaller-amount-percent")))
                .isEqualByComparingTo(json.get("smallerMunicipalitiesAmountPercent").decimalValue());
    }

    /**
     * Reports by fund, over HTTP: a 1:1 business support and a Tillväxtverket check decided and paid in one year. The
     * business-support report's headline and the annual page's count the 1:1 money only, and its parts add up to it;
     * the check is reported apart, in its own sentence.
     */
    @Test
    void businessSupportAndTheAnnualHeadlineCountTheOneToOneFundAndReportTheChecksApart() throws Exception {
        int year = 2039;
        ledger.allocateFrame("REGIONAL_1_1", year, "1000000");
        ledger.allocateFrame("TILLVAXTVERKET", year, "1000000");
        ledger.ensureEuroRate(year + "-03-02", "11.00");
        paidSupport(year, "CONSULTANCY_CHECK", "REGIONAL_1_1", "100000");
        paidSupport(year, "DIGITALISATION_CHECK", "TILLVAXTVERKET", "300000");

        JsonNode decided = eventually(() -> ledger.as("rapport").get("/api/reports/business-support?year=" + year).body(),
                body -> body.at("/tillvaxtverketChecks/companies").asInt() == 1);
        assertThat(decided.get("decisions").asInt()).as("1:1 decisions only").isEqualTo(1);
        assertThat(decided.at("/amount/sek").decimalValue()).isEqualByComparingTo("100000");
        assertThat(decided.get("byType")).extracting(line -> line.get("fund").asText() + " " + line.get("supportType").asText())
                .containsExactlyInAnyOrder("REGIONAL_1_1 CONSULTANCY_CHECK", "TILLVAXTVERKET DIGITALISATION_CHECK");
        assertThat(decided.at("/tillvaxtverketChecks/paid/sek").decimalValue()).isEqualByComparingTo("300000");

        JsonNode paid = ledger.as("rapport").get("/api/reports/disbursements?year=" + year).body();
        assertThat(paid.at("/regional11Net/sek").decimalValue()).isEqualByComparingTo("100000");
        assertThat(paid.at("/totalNet/sek").decimalValue()).isEqualByComparingTo("400000");

        Map<String, String> page = figures(text("/api/reports/annual/" + year));
        assertThat(page).containsEntry("total-msek", "0,1").containsEntry("business-msek", "0,1")
                .containsEntry("business-percent", "100 %").containsEntry("business-decisions", "1")
                .containsEntry("checks-msek", "0,3").containsEntry("checks-companies", "1")
                .containsEntry("checks-digitalisation", "1").containsEntry("checks-internationalisation", "0");
    }

    private void paidSupport(int year, String type, String fund, String kronor) {
        String company = LedgerClient.uniqueOrganisationNumber();
        ledger.registerUndertaking(company);
        String id = ledger.registerBusinessSupport(company, "1981", type, fund);
        Response decided = ledger.decideBusinessSupport(id, year + "-03-02", kronor);
        assertThat(decided.status()).as(decided.raw()).isEqualTo(200);
        String payment = ledger.as("handlaggare").ok("/api/business-supports/" + id + "/payments",
                "{\"amount\":" + kronor + ",\"paymentDate\":\"" + year + "-04-01\",\"paymentReference\":\"UB\"}")
                .get("id").asText();
        ledger.as("attestant2").ok("/api/business-supports/" + id + "/payments/" + payment + "/attestation", "{}");
    }

    /**
     * Correct Swedish for any year, as a browser shows it: a year with nothing in it, and a year with one business
     * support and nothing else, rendered in headless Chromium and read as its text.
     */
    @Test
    void theAnnualPageSpeaksSwedishForAnEmptyYearAndAYearOfOne() throws Exception {
        String empty = renderedText(2150);
        assertThat(empty).contains("Under 2150 gjordes inga utbetalningar från anslaget 1:1 Regionala tillväxtåtgärder.")
                .contains("Inga projekt beviljades 1:1-medel under 2150.")
                .contains("Inga nya företagsstöd beviljades från anslaget 1:1 under 2150.")
                .contains("Inga nya projektmedel beviljades under 2150.")
                .contains("Källa: Region Västmanland")
                .doesNotContain("0,0", "gick .", "(0 %)");

        int year = 2038;
        ledger.allocateFrame("REGIONAL_1_1", year, "1000000");
        ledger.ensureEuroRate(year + "-03-02", "11.00");
        String company = LedgerClient.uniqueOrganisationNumber();
        ledger.registerUndertaking(company);
        String support = ledger.registerBusinessSupport(company, "1981", "CONSULTANCY_CHECK", "REGIONAL_1_1");
        assertThat(ledger.decideBusinessSupport(support, year + "-03-02", "100000").status()).isEqualTo(200);
        String payment = ledger.as("handlaggare").ok("/api/business-supports/" + support + "/payments",
                "{\"amount\":100000,\"paymentDate\":\"" + year + "-04-01\",\"paymentReference\":\"UB 1\"}")
                .get("id").asText();
        ledger.as("attestant2").ok("/api/business-supports/" + support + "/payments/" + payment + "/attestation", "{}");
        eventually(() -> ledger.as("rapport").get("/api/reports/disbursements?year=" + year).body(),
                body -> body.at("/regional11Net/sek").decimalValue().signum() > 0); // the payment, projected last
        String one = renderedText(year);
        assertThat(one).contains("Under 2038 utbetalades 0,1 miljoner kronor i finansiering till företag och projekt"
                        + " från anslaget 1:1 Regionala tillväxtåtgärder, fördelat på 0,1 miljoner kronor i företagsstöd"
                        + " (100 %) till 1 företag.")
                .contains("Under 2038 beviljades 1 nytt företagsstöd om 0,1 miljoner kronor från anslaget 1:1.")
                .contains("Inga projekt beviljades 1:1-medel under 2038.")
                .doesNotContain("0,0 miljoner kronor i projektmedel", "1 nya");
    }

    /** The page for a year, rendered in headless Chromium, as the text a reader sees (tags out, spaces single). */
    private String renderedText(int year) throws Exception {
        Path folder = Files.createDirectories(Path.of("target", "report-screenshots")).toAbsolutePath();
        Path page = folder.resolve("annual-" + year + ".html");
        Files.writeString(page, text("/api/reports/annual/" + year));
        String dom = HeadlessChromium.run(folder, "--dump-dom", page.toUri().toString());
        String body = dom.substring(dom.indexOf("<body"));
        return body.replaceAll("(?s)<svg.*?</svg>", " ").replaceAll("<[^>]+>", "").replace("&nbsp;", " ")
                .replaceAll("\\s+", " ");
    }

    /**
     * The printable page in a real browser: headless Chromium renders it from a file (no network: the charts are
     * inline SVG), the rendered DOM holds the figures and the charts, and the screenshot, kept in
     * ledger-api/target/report-screenshots, shows the first chart's bars in their colour.
     */
    @Test
    void theAnnualPageRendersInHeadlessChromiumWithItsCharts() throws Exception {
        Path folder = Files.createDirectories(Path.of("target", "report-screenshots")).toAbsolutePath();
        Path page = folder.resolve("annual-" + YEAR + ".html");
        Files.writeString(page, text("/api/reports/annual/" + YEAR));
        Path screenshot = folder.resolve("annual-" + YEAR + ".png");
        Files.deleteIfExists(screenshot);

        String dom = HeadlessChromium.run(folder, "--dump-dom", page.toUri().toString());
        assertThat(dom).contains("<svg").contains("Fördelning av anslag 1:1");
        assertThat(figures(dom)).containsEntry("total-msek", "0,5").containsEntry("project-percent", "66 %");
        HeadlessChromium.run(folder, "--window-size=900,1600", "--screenshot=" + screenshot, page.toUri().toString());

        BufferedImage image = ImageIO.read(screenshot.toFile());
        assertThat(image.getWidth()).isEqualTo(900);
        int barPixels = 0;
        for (int x = 0; x < image.getWidth(); x++) {
            for (int y = 0; y < image.getHeight(); y++) {
                if ((image.getRGB(x, y) & 0xFFFFFF) == 0x1F5F8B) {
                    barPixels++;
                }
            }
        }
        assertThat(barPixels).as("pixels of the first bar colour in " + screenshot).isGreaterThan(1000);
    }

    @Test
    void commitmentsAsOfADayFollowTheBusinessDates() {
        JsonNode before = ledger.as("rapport").get("/api/reports/commitments?asOf=2037-02-15").body();
        JsonNode after = ledger.as("rapport").get("/api/reports/commitments?asOf=2037-12-31").body();
        assertThat(line(before).at("/outstanding/sek").decimalValue()).isEqualByComparingTo("1245000.50"); // decided, not paid
        assertThat(line(after).at("/outstanding/sek").decimalValue()).isEqualByComparingTo("900000"); // the project's unpaid rest
    }

    private static JsonNode line(JsonNode commitments) {
        for (JsonNode line : commitments.get("lines")) {
            if (line.get("decisionYear").asInt() == YEAR && line.get("fund").asText().equals("REGIONAL_1_1")) {
                return line;
            }
        }
        throw new AssertionError("no REGIONAL_1_1 " + YEAR + " line in " + commitments);
    }

    private static final Map<String, String> SWEDISH_TYPES = Map.of("anslag 1:1 projektmedel", "PROJECT",
            "anslag 1:1 företagsstöd", "BUSINESS_SUPPORT", "anslag 1:1 kommersiell service", "COMMERCIAL_SERVICE");

    private List<CSVRecord> csv(String path) throws IOException, InterruptedException {
        String body = new String(bytes(path, "text/csv;variant=rfc4180"), StandardCharsets.UTF_8);
        return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(body))
                .getRecords();
    }

    /**
     * The CSV a finance officer opens in Swedish Excel as it is: a byte-order mark says UTF-8 (so "Tillväxtverket"
     * is not "TillvÃ¤xtverket"), semicolons part the fields (a comma is the decimal sign), amounts have decimal
     * commas (so 31.5 is not read as a date), and the labels are Swedish. Read here as Excel reads it.
     */
    @Test
    void theCsvOpensInSwedishExcelAsItIs() throws Exception {
        eventually(() -> ledger.as("rapport").get("/api/reports/disbursements?year=" + YEAR).body(),
                body -> body.get("lines").size() == 3);
        byte[] file = bytes("/api/reports/disbursements?year=" + YEAR, "text/csv");
        assertThat(file).startsWith(0xEF, 0xBB, 0xBF);
        String text = new String(file, 3, file.length - 3, StandardCharsets.UTF_8);
        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setDelimiter(';').setHeader().setSkipHeaderRecord(true)
                .get().parse(new StringReader(text)).getRecords();
        assertThat(text.lines().findFirst()).contains("avsnitt;post;kronor;mnkr;procent;antal;kvot");
        CSVRecord total = rows.stream().filter(row -> row.get("post").equals("från anslag 1:1, netto efter återbetalningar"))
                .findFirst().orElseThrow();
        assertThat(total.get("kronor")).matches("\\d+,\\d{2}").isEqualTo("455000,50");
        assertThat(total.get("mnkr")).isEqualTo("0,5");
        assertThat(rows).extracting(row -> row.get("avsnitt")).contains("anslag 1:1 projektmedel",
                "anslag 1:1 företagsstöd", "anslag 1:1 kommersiell service");
        assertThat(text).doesNotContain("REGIONAL_1_1", "BUSINESS_SUPPORT");
    }

    /** A report in a type it is not offered in is refused with the types there are, not answered in JSON. */
    @Test
    void aTypeNotOfferedIsNotAcceptable() throws Exception {
        for (String accept : List.of("application/pdf", "text/html", "image/png, application/pdf")) {
            HttpResponse<String> refused = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                            + "/api/reports/leverage?year=" + YEAR)).header("Accept", accept)
                    .header("Authorization", "Basic " + Base64.getEncoder()
                            .encodeToString("rapport:rapport-demo".getBytes(StandardCharsets.UTF_8))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(refused.statusCode()).as(accept).isEqualTo(406);
            assertThat(refused.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            assertThat(refused.body()).contains("text/csv").contains("application/json");
        }
        assertThat(new String(bytes("/api/reports/leverage?year=" + YEAR, "application/*"), StandardCharsets.UTF_8))
                .startsWith("{");
    }

    private String text(String path) throws IOException, InterruptedException {
        return new String(bytes(path, "text/html"), StandardCharsets.UTF_8);
    }

    private byte[] bytes(String path, String accept) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", accept).header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString("rapport:rapport-demo".getBytes(StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    /** The page's figures by their {@code data-figure} names. */
    static Map<String, String> figures(String html) {
        Map<String, String> figures = new HashMap<>();
        Matcher matcher = Pattern.compile("data-figure=\"([^\"]+)\">([^<]*)<").matcher(html);
        while (matcher.find()) {
            figures.put(matcher.group(1), matcher.group(2));
        }
        return figures;
    }

    private static BigDecimal decimal(String swedish) {
        return new BigDecimal(swedish.replace("%", "").replace(" ", "").replace(',', '.'));
    }

    private static JsonNode eventually(java.util.function.Supplier<JsonNode> read, java.util.function.Predicate<JsonNode> ready)
            throws InterruptedException {
        for (int attempt = 0; attempt < 100; attempt++) {
            JsonNode body = read.get();
            if (ready.test(body)) {
                return body;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the report never showed the year's data");
    }
}
