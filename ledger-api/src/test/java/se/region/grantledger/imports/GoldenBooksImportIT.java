package se.region.grantledger.imports;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.region.grantledger.core.api.project.GrantDecided;
import se.region.grantledger.core.api.project.PaymentMade;
import se.region.grantledger.core.api.project.RepaymentReceived;
import se.region.grantledger.core.api.support.BusinessSupportDecided;
import se.region.grantledger.core.api.support.CommercialServiceGrantDecided;
import se.region.grantledger.core.api.support.SupportPaymentMade;
import se.region.grantledger.core.model.Fund;
import se.region.grantledger.core.model.Money;
import se.region.grantledger.projections.reports.Annual2019Fixture;
import se.region.grantledger.support.LedgerClient;
import se.region.grantledger.support.LedgerClient.Response;
import se.region.grantledger.support.ServiceProcess;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real migration end to end: the 2019 golden books (the fixture of the golden test, seed 002's year) filled into
 * the import template, uploaded to a ledger of its own, dry run, confirmed by another person and recorded through
 * every funding rule. Then every 2019 figure of seed 002 is read from the reports by {@code validAt} alone (the
 * books were recorded today, years after the business dates), and the commitments at 2019-12-31 are the books'
 * own, summed here from the fixture's events.
 */
class GoldenBooksImportIT {

    private static final Duration START = Duration.ofSeconds(90);
    private static final String YEAR_END = "validAt=2019-12-31";

    @TempDir
    static Path directory;
    private static ServiceProcess service;
    private static LedgerClient ledger;
    private static JsonNode imported;

    @BeforeAll
    static void importTheBooks() throws Exception {
        service = ServiceProcess.start(directory, Map.of("LEDGER_DATA_DIR", directory.resolve("data").toString()));
        assertThat(service.awaitHealthy(START)).as(service.logTail()).isTrue();
        ledger = service.client();
        Response uploaded = ledger.as("inlasning").upload("/api/imports", Map.of("bocker-2019.xlsx",
                Annual2019Workbook.bytes()));
        assertThat(uploaded.status()).as(uploaded.raw()).isEqualTo(201);
        assertThat(uploaded.body().get("dryRunRefusals")).as("the books obey every rule").isEmpty();
        int rows = uploaded.body().get("rows").asInt();
        assertThat(uploaded.body().at("/dryRun/wouldCreate").asInt()).isEqualTo(rows);
        String importId = uploaded.body().get("importId").asText();
        assertThat(ledger.as("inlasning2").post("/api/imports/" + importId + "/confirmation", "{}").status())
                .isEqualTo(202);
        imported = ImportStatus.await(ledger, importId, "DONE", Duration.ofMinutes(3));
        assertThat(imported.at("/progress/imported").asInt()).as(imported.toString()).isEqualTo(rows);
        assertThat(imported.at("/progress/refused").asInt()).isZero();
        awaitReportsCaughtUp();
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (service != null) {
            service.close();
        }
    }

    @Test
    void disbursedIn2019AsTheRegionReportedIt() {
        JsonNode paid = report("/api/reports/disbursements?year=2019&" + YEAR_END);
        assertThat(msek(paid.get("regional11Net"))).as("from the 1:1 appropriation").isEqualByComparingTo("31.6");
        assertThat(msek(paid.get("totalNet"))).as("with Tillväxtverket's checks").isEqualByComparingTo("34.6");
        JsonNode projects = line(paid, "PROJECT");
        assertThat(msek(projects.get("net"))).isEqualByComparingTo("25.0");
        assertThat(projects.get("sharePercent").asInt()).isEqualTo(79);
        assertThat(projects.get("recipients").asInt()).isEqualTo(43);
        assertThat(sek(projects.get("paid"))).isEqualByComparingTo("25000000");
        assertThat(sek(projects.get("repaid"))).isEqualByComparingTo("50000");
        JsonNode businessSupport = line(paid, "BUSINESS_SUPPORT");
        assertThat(msek(businessSupport.get("net"))).isEqualByComparingTo("6.5");
        assertThat(businessSupport.get("sharePercent").asInt()).isEqualTo(21);
        assertThat(businessSupport.get("recipients").asInt()).isEqualTo(46);
        JsonNode homeDelivery = line(paid, "COMMERCIAL_SERVICE");
        assertThat(sek(homeDelivery.get("net"))).isEqualByComparingTo("180563");
        assertThat(homeDelivery.get("recipients").asInt()).isEqualTo(3);
    }

    @Test
    void leverageOfTheProjectsDecidedIn2019() {
        JsonNode leverage = report("/api/reports/leverage?year=2019&" + YEAR_END);
        assertThat(msek(leverage.get("regional11"))).isEqualByComparingTo("31.5");
        assertThat(msek(leverage.get("totalBudget"))).isEqualByComparingTo("151.6");
        assertThat(msek(leverage.get("others"))).isEqualByComparingTo("120.0");
        assertThat(msek(leverage.get("tillvaxtverket"))).isEqualByComparingTo("45.8");
        assertThat(msek(leverage.get("tillvaxtverketEu"))).isEqualByComparingTo("32.7");
        assertThat(msek(leverage.get("tillvaxtverketNational"))).isEqualByComparingTo("13.1");
        assertThat(msek(leverage.get("vinnova"))).isEqualByComparingTo("28.0");
        assertThat(msek(leverage.get("rest"))).isEqualByComparingTo("46.2");
        assertThat(leverage.get("othersPerRegionalKrona").decimalValue()).isEqualByComparingTo("3.8");
        assertThat(sek(leverage.get("inKind"))).isEqualByComparingTo("26240000");
    }

    @Test
    void businessSupportAndTillvaxtverketsChecks() {
        JsonNode decided = report("/api/reports/business-support?year=2019&" + YEAR_END);
        assertThat(decided.get("decisions").asInt()).isEqualTo(18);
        assertThat(msek(decided.get("amount"))).isEqualByComparingTo("3.4");
        assertThat(decided.get("smallerMunicipalitiesNumberPercent").asInt()).isEqualTo(33);
        assertThat(decided.get("smallerMunicipalitiesAmountPercent").asInt()).isEqualTo(45);
        JsonNode checks = decided.get("tillvaxtverketChecks");
        assertThat(checks.get("companies").asInt()).isEqualTo(19);
        assertThat(msek(checks.get("paid"))).isEqualByComparingTo("3.0");
        Map<String, Integer> byType = new TreeMap<>();
        checks.get("byType").forEach(line -> byType.put(line.get("checkType").asText(), line.get("companies").asInt()));
        assertThat(byType).containsExactly(Map.entry("DIGITALISATION_CHECK", 6),
                Map.entry("INTERNATIONALISATION_CHECK", 13));
        assertThat(report("/api/reports/business-support?year=2018&" + YEAR_END).get("decisions").asInt())
                .isEqualTo(46);
    }

    @Test
    void goalAreasOfTheNewProjectMoney() {
        Map<String, Integer> shares = new TreeMap<>();
        report("/api/reports/goal-areas?year=2019&" + YEAR_END).get("lines")
                .forEach(line -> shares.put(line.get("goalArea").asText(), line.get("sharePercent").asInt()));
        assertThat(shares).containsOnly(Map.entry(Annual2019Fixture.STRENGTH_AREAS, 45),
                Map.entry(Annual2019Fixture.GROWTH_COMPANIES, 43), Map.entry(Annual2019Fixture.SKILLS, 12));
    }

    @Test
    void theAnnualPageSaysSeed002sSentences() {
        String html = ledger.as("rapport").get("/api/reports/annual/2019?" + YEAR_END).raw();
        String text = html.replaceAll("(?s)<svg.*?</svg>", " ").replaceAll("<[^>]+>", "").replace("&nbsp;", " ")
                .replace('\u00a0', ' ').replaceAll("\\s+", " ");
        assertThat(text)
                .contains("Under 2019 utbetalades 31,6 miljoner kronor i finansiering till företag och projekt från"
                        + " anslaget 1:1 Regionala tillväxtåtgärder, fördelat på 25,0 miljoner kronor i projektmedel"
                        + " (79 %) till 43 pågående projekt och 6,5 miljoner kronor i företagsstöd (21 %) till 46 företag.")
                .contains("Varje krona i 1:1-medel växlades upp med 3,8 kronor från andra.");
    }

    /**
     * Committed, paid and outstanding per fund and decision year at 2019-12-31, as the books say: every decision
     * dated by then, every payment by then less what came back to the frame in the payment's year.
     */
    @Test
    void commitmentsAtTheYearEndAreTheBooksOwn() {
        Map<String, long[]> expected = expectedPositionsAt(LocalDate.of(2019, 12, 31));
        Map<String, long[]> reported = new TreeMap<>();
        for (JsonNode line : report("/api/reports/commitments?" + YEAR_END).get("lines")) {
            reported.put(line.get("fund").asText() + " " + line.get("decisionYear").asInt(), new long[]{
                    ore(line.get("reserved")), ore(line.get("paid")), ore(line.get("released")),
                    ore(line.get("outstanding"))});
        }
        assertThat(reported.keySet()).containsExactlyElementsOf(expected.keySet());
        expected.forEach((frame, figures) -> assertThat(reported.get(frame)).as(frame).containsExactly(figures));
    }

    @Test
    void everyEventCarriesItsImportAndTheChainHolds() {
        assertThat(ledger.as("revisor").get("/api/audit/verify").body().get("intact").asBoolean()).isTrue();
        assertThat(imported.at("/progress/remaining").asInt()).isZero();
    }

    // --- the books' own positions --------------------------------------------------------------------------------

    private static Map<String, long[]> expectedPositionsAt(LocalDate date) {
        Map<String, String> frameOfCase = new HashMap<>();
        Map<String, long[]> positions = new TreeMap<>();
        for (Object event : Annual2019Fixture.events()) {
            if (event instanceof GrantDecided grant) {
                decided(positions, frameOfCase, grant.projectId(), Fund.REGIONAL_1_1, grant.decisionDate(),
                        grant.plan().regional11(), date);
            } else if (event instanceof BusinessSupportDecided support) {
                decided(positions, frameOfCase, support.caseId(), support.fund(), support.decisionDate(),
                        support.amount(), date);
            } else if (event instanceof CommercialServiceGrantDecided grant) {
                decided(positions, frameOfCase, grant.grantId(), Fund.REGIONAL_1_1, grant.decisionDate(),
                        grant.amount(), date);
            } else if (event instanceof PaymentMade payment && !payment.paymentDate().isAfter(date)) {
                positions.get(frameOfCase.get(payment.projectId()))[1] += payment.amount().ore();
            } else if (event instanceof SupportPaymentMade payment && !payment.paymentDate().isAfter(date)) {
                positions.get(frameOfCase.get(payment.caseId()))[1] += payment.amount().ore();
            } else if (event instanceof RepaymentReceived repayment && !repayment.receivedOn().isAfter(date)) {
                positions.get(frameOfCase.get(repayment.projectId()))[1] -= repayment.creditedToFrame().ore();
            }
        }
        positions.values().forEach(figures -> figures[3] = figures[0] - figures[1] - figures[2]);
        return positions;
    }

    private static void decided(Map<String, long[]> positions, Map<String, String> frameOfCase, String caseId,
                                Fund fund, LocalDate decisionDate, Money amount, LocalDate date) {
        String frame = fund.name() + " " + decisionDate.getYear();
        frameOfCase.put(caseId, frame);
        if (!decisionDate.isAfter(date)) {
            positions.computeIfAbsent(frame, key -> new long[4])[0] += amount.ore();
        }
    }

    // --- reading ------------------------------------------------------------------------------------------------

    private static JsonNode report(String path) {
        Response response = ledger.as("rapport").get(path);
        assertThat(response.status()).as(response.raw()).isEqualTo(200);
        return response.body();
    }

    private static JsonNode line(JsonNode disbursements, String supportType) {
        for (JsonNode line : disbursements.get("lines")) {
            if (line.get("fund").asText().equals("REGIONAL_1_1") && line.get("supportType").asText().equals(supportType)) {
                return line;
            }
        }
        throw new AssertionError("no 1:1 line for " + supportType + " in " + disbursements);
    }

    private static BigDecimal msek(JsonNode amount) {
        return amount.get("msek").decimalValue();
    }

    private static BigDecimal sek(JsonNode amount) {
        return amount.get("sek").decimalValue();
    }

    private static long ore(JsonNode amount) {
        return sek(amount).movePointRight(2).longValueExact();
    }

    /** The read models follow the event store a moment later, as after any write: until every segment is at its end. */
    private static void awaitReportsCaughtUp() throws InterruptedException {
        JsonNode progress = null;
        for (int attempt = 0; attempt < 600; attempt++) {
            progress = ledger.as("revisor").get("/api/admin/projections").body();
            if (progress.get("total").asLong() > 0 && progress.get("processed").asLong() == progress.get("total").asLong()) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the read models never caught up with the import: " + progress);
    }
}
