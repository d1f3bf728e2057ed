package se.region.grantledger.web.reports;

import org.junit.jupiter.api.Test;
import se.region.grantledger.projections.reports.Reports.Amount;
import se.region.grantledger.projections.reports.Reports.BusinessSupport;
import se.region.grantledger.projections.reports.Reports.CheckLine;
import se.region.grantledger.projections.reports.Reports.DisbursementLine;
import se.region.grantledger.projections.reports.Reports.Disbursements;
import se.region.grantledger.projections.reports.Reports.GoalAreaLine;
import se.region.grantledger.projections.reports.Reports.GoalAreas;
import se.region.grantledger.projections.reports.Reports.Leverage;
import se.region.grantledger.projections.reports.Reports.TillvaxtverketChecks;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The annual page from its template, without a service: every figure in its place, and nothing unescaped. */
class AnnualReportPageTest {

    private static final Amount NONE = Amount.ofOre(0);

    @Test
    void theFiguresStandInTheirSentencesAndTheChartsAreDrawn() {
        String page = render(List.of(new GoalAreaLine("Attraktiv region", sek(2_000_000), 100)));

        Map<String, String> figures = figures(page);
        assertThat(figures).as("the headline is the 1:1 appropriation's, not every fund's")
                .containsEntry("total-msek", "2,6").containsEntry("project-msek", "2,5")
                .containsEntry("project-percent", "96 %").containsEntry("project-recipients", "7")
                .containsEntry("service-sek", "45\u00a0001").containsEntry("leverage-ratio", "1,5")
                .containsEntry("business-decisions", "3").containsEntry("smaller-amount-percent", "80 %")
                .containsEntry("goal-attraktiv-region", "100 %")
                .containsEntry("checks-msek", "0,3").containsEntry("checks-companies", "4")
                .containsEntry("checks-internationalisation", "3").containsEntry("checks-digitalisation", "1");
        assertThat(page).contains("<h1>2. Fördelning av anslag 1:1 Regionala tillväxtåtgärder 2037</h1>")
                .contains("till attraktiv region.</p>")
                .contains("aria-label=\"Utbetalningar från anslag 1:1 2037, miljoner kronor\"")
                .doesNotContain(" th:").doesNotContain("[[");
        assertThat(page.split("<svg ", -1)).as("disbursements, leverage, smaller municipalities, goal areas").hasSize(5);
        assertThat(page.split("<rect\\s", -1)).as("3 + 5 bars, 2 shares on their tracks, 1 goal area")
                .hasSize(1 + 3 + 5 + 4 + 1);
        assertThat(page).contains("fördelat på <span data-figure=\"project-msek\">")
                .contains("beviljades <span data-figure=\"business-decisions\">3</span> nya företagsstöd om");
        assertThat(figures).containsEntry("source-region", "Region Västmanland")
                .containsEntry("generated-at", "1 februari 2038 kl. 09:30");
    }

    @Test
    void aGoalAreaNamedLikeMarkupIsShownAsText() {
        String page = render(List.of(new GoalAreaLine("<script>alert(1)</script>", sek(1), 60),
                new GoalAreaLine("Kompetens & \"skola\"", sek(1), 40)));

        assertThat(page).doesNotContain("<script>").contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                .contains("till kompetens &amp; &quot;skola&quot;.</p>");
        assertThat(figures(page)).containsEntry("goal--script-alert-1-script-", "60 %");
    }

    private static String render(List<GoalAreaLine> goalAreas) {
        Disbursements paid = new Disbursements(2037, Amount.ofOre(260_000_000L), Amount.ofOre(290_000_000L), List.of(
                new DisbursementLine("REGIONAL_1_1", "PROJECT", sek(2_500_000), NONE, sek(2_500_000), 7, 96),
                new DisbursementLine("REGIONAL_1_1", "BUSINESS_SUPPORT", sek(55_000), NONE, sek(55_000), 2, 2),
                new DisbursementLine("REGIONAL_1_1", "COMMERCIAL_SERVICE", Amount.ofOre(4_500_050), NONE,
                        Amount.ofOre(4_500_050), 1, 2),
                new DisbursementLine("TILLVAXTVERKET", "BUSINESS_SUPPORT", sek(300_000), NONE, sek(300_000), 4, 100)));
        Leverage leverage = new Leverage(2037, sek(1_200_000), sek(3_000_000), sek(1_800_000), new BigDecimal("1.5"),
                sek(1_000_000), sek(600_000), sek(400_000), sek(300_000), sek(500_000), sek(2_500_000), sek(500_000),
                List.of());
        BusinessSupport decided = new BusinessSupport(2037, 3, sek(110_000), List.of(), 67, 80, 100, 100, 0, 0,
                new TillvaxtverketChecks(4, sek(300_000), List.of(new CheckLine("DIGITALISATION_CHECK", 1, sek(50_000)),
                        new CheckLine("INTERNATIONALISATION_CHECK", 3, sek(250_000)))));
        return AnnualReportPage.render(2037, paid, leverage, decided, new GoalAreas(2037, sek(2_000_000), goalAreas),
                SOURCE);
    }

    private static final AnnualReportPage.Source SOURCE = new AnnualReportPage.Source("Region Västmanland",
            Instant.parse("2038-02-01T08:30:00Z"), null, null);

    @Test
    void anEmptyYearIsWrittenInSentencesWithoutHolesOrZeros() {
        String page = AnnualReportPage.render(2026, new Disbursements(2026, NONE, NONE, List.of()),
                new Leverage(2026, NONE, NONE, NONE, BigDecimal.ZERO, NONE, NONE, NONE, NONE, NONE, NONE, NONE, List.of()),
                new BusinessSupport(2026, 0, NONE, List.of(), 0, 0, 0, 0, 0, 0, new TillvaxtverketChecks(0, NONE, List.of())),
                new GoalAreas(2026, NONE, List.of()), SOURCE);
        String text = page.replaceAll("<[^>]+>", "").replaceAll("\\s+", " ");
        assertThat(text).contains("Under 2026 gjordes inga utbetalningar från anslaget 1:1 Regionala tillväxtåtgärder.")
                .contains("Inga projekt beviljades 1:1-medel under 2026.")
                .contains("Inga nya företagsstöd beviljades från anslaget 1:1 under 2026.")
                .contains("Inga nya projektmedel beviljades under 2026.")
                .doesNotContain("0,0", "gick .", " 0 %", "Utöver företagsstöd");
        assertThat(page).doesNotContain("<svg");
    }

    @Test
    void aYearOfOneOfEachIsWrittenInTheSingular() {
        String page = AnnualReportPage.render(2026, new Disbursements(2026, sek(100_000), sek(100_000), List.of(
                        new DisbursementLine("REGIONAL_1_1", "BUSINESS_SUPPORT", sek(100_000), NONE, sek(100_000), 1, 100))),
                new Leverage(2026, NONE, NONE, NONE, BigDecimal.ZERO, NONE, NONE, NONE, NONE, NONE, NONE, NONE, List.of()),
                new BusinessSupport(2026, 1, sek(100_000), List.of(), 100, 100, 0, 0, 0, 0,
                        new TillvaxtverketChecks(0, NONE, List.of())),
                new GoalAreas(2026, NONE, List.of()), SOURCE);
        String text = page.replaceAll("<[^>]+>", "").replaceAll("\\s+", " ");
        assertThat(text).contains("Under 2026 utbetalades 0,1 miljoner kronor i finansiering till företag och projekt"
                        + " från anslaget 1:1 Regionala tillväxtåtgärder, fördelat på 0,1 miljoner kronor i företagsstöd"
                        + " (100 %) till 1 företag.")
                .contains("Under 2026 beviljades 1 nytt företagsstöd om 0,1 miljoner kronor från anslaget 1:1.")
                .doesNotContain("projektmedel (", "kommersiell service betalades");
    }

    private static Amount sek(long kronor) {
        return Amount.ofOre(kronor * 100);
    }

    private static Map<String, String> figures(String html) {
        Map<String, String> figures = new HashMap<>();
        Matcher matcher = Pattern.compile("data-figure=\"([^\"]+)\">([^<]*)<").matcher(html);
        while (matcher.find()) {
            figures.put(matcher.group(1), matcher.group(2));
        }
        return figures;
    }
}
