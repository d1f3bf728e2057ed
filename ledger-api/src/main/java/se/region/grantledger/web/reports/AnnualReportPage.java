package se.region.grantledger.web.reports;

import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import se.region.grantledger.projections.reports.Reports.Amount;
import se.region.grantledger.projections.reports.Reports.BusinessSupport;
import se.region.grantledger.projections.reports.Reports.CheckLine;
import se.region.grantledger.projections.reports.Reports.DisbursementLine;
import se.region.grantledger.projections.reports.Reports.Disbursements;
import se.region.grantledger.projections.reports.Reports.GoalAreas;
import se.region.grantledger.projections.reports.Reports.Leverage;
import se.region.grantledger.projections.reports.Reports.TillvaxtverketChecks;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The yearly report's section 2, "Fördelning av anslag 1:1", as a printable page in Swedish: the figures in the
 * sentences the region writes, and three charts drawn as inline SVG (no scripts, fonts or images from the
 * network). Every figure comes from the same report values as the JSON, CSV and Excel; each carries a
 * {@code data-figure} attribute so a test can read it back. The page is the Thymeleaf template
 * {@code templates/annual-report.html} (charts: {@code annual-report-chart.html}); this class computes its values.
 */
final class AnnualReportPage {

    private static final String[] COLOURS = {"#1f5f8b", "#e07a1f", "#3c8d3c", "#8b3c8b", "#9a8a2c", "#5a5a5a"};
    private static final Locale SWEDISH = Locale.forLanguageTag("sv-SE");
    private static final TemplateEngine TEMPLATES = templates();
    private static final java.time.format.DateTimeFormatter SWEDISH_MOMENT = java.time.format.DateTimeFormatter
            .ofPattern("d MMMM yyyy 'kl.' HH:mm", Locale.forLanguageTag("sv-SE")).withZone(java.time.ZoneId.of("Europe/Stockholm"));

    private AnnualReportPage() {
    }

    /** Thymeleaf's engine alone, templates from {@code templates/} on the class path; it escapes every value. */
    private static TemplateEngine templates() {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding("UTF-8");
        TemplateEngine engine = new TemplateEngine();
        engine.setTemplateResolver(resolver);
        return engine;
    }

    /**
     * Who the page is for and when: the region's name, when it was made, the business date it counts up to (null: every
     * date) and as the ledger knew it when (null: now).
     */
    record Source(String region, Instant generatedAt, LocalDate validAt, Instant knownAt) {
    }

    static String render(int year, Disbursements paid, Leverage leverage, BusinessSupport decided, GoalAreas goalAreas,
                         Source source) {
        DisbursementLine projects = line(paid, "PROJECT");
        DisbursementLine business = line(paid, "BUSINESS_SUPPORT");
        DisbursementLine service = line(paid, "COMMERCIAL_SERVICE");
        Map<String, String> figures = new LinkedHashMap<>();
        figures.put("total-msek", msek(paid.regional11Net()));
        figures.put("project-msek", msek(projects.net()));
        figures.put("project-percent", projects.sharePercent() + " %");
        figures.put("project-recipients", String.valueOf(projects.recipients()));
        figures.put("business-msek", msek(business.net()));
        figures.put("business-percent", business.sharePercent() + " %");
        figures.put("business-recipients", String.valueOf(business.recipients()));
        figures.put("service-sek", kronor(service.net()));
        figures.put("service-recipients", String.valueOf(service.recipients()));
        figures.put("leverage-regional-msek", msek(leverage.regional11()));
        figures.put("leverage-total-msek", msek(leverage.totalBudget()));
        figures.put("leverage-others-msek", msek(leverage.others()));
        figures.put("leverage-tillvaxtverket-msek", msek(leverage.tillvaxtverket()));
        figures.put("leverage-eu-msek", msek(leverage.tillvaxtverketEu()));
        figures.put("leverage-national-msek", msek(leverage.tillvaxtverketNational()));
        figures.put("leverage-vinnova-msek", msek(leverage.vinnova()));
        figures.put("leverage-rest-msek", msek(leverage.rest()));
        figures.put("leverage-ratio", decimal(leverage.othersPerRegionalKrona()));
        figures.put("business-decisions", String.valueOf(decided.decisions()));
        figures.put("business-decided-msek", msek(decided.amount()));
        figures.put("smaller-number-percent", decided.smallerMunicipalitiesNumberPercent() + " %");
        figures.put("smaller-amount-percent", decided.smallerMunicipalitiesAmountPercent() + " %");
        TillvaxtverketChecks checks = decided.tillvaxtverketChecks();
        figures.put("checks-msek", msek(checks.paid()));
        figures.put("checks-companies", String.valueOf(checks.companies()));
        figures.put("checks-internationalisation", String.valueOf(companies(checks, "INTERNATIONALISATION_CHECK")));
        figures.put("checks-digitalisation", String.valueOf(companies(checks, "DIGITALISATION_CHECK")));

        Context page = new Context(SWEDISH);
        page.setVariable("year", year);
        page.setVariable("f", figures);
        page.setVariable("checksPaid", checks.companies() > 0);
        page.setVariable("paidAnything", paid.regional11Net().sek().signum() != 0);
        page.setVariable("paidParts", paidParts(projects, business));
        page.setVariable("servicePaid", service.net().sek().signum() != 0);
        page.setVariable("projectsDecided", leverage.regional11().sek().signum() != 0);
        page.setVariable("supportDecided", decided.decisions() > 0);
        page.setVariable("decisionsWord", decided.decisions() == 1 ? "nytt företagsstöd" : "nya företagsstöd");
        page.setVariable("region", source.region());
        page.setVariable("generatedAt", SWEDISH_MOMENT.format(source.generatedAt()));
        page.setVariable("knownAt", source.knownAt() == null ? "med allt som bokförts till dess"
                : "som bokföringen var känd " + SWEDISH_MOMENT.format(source.knownAt()));
        page.setVariable("validAt", source.validAt() == null ? null
                : "räknat på händelser daterade till och med " + source.validAt());
        page.setVariable("goalAreaChart", bars("Nya projektmedel " + year + " per insatsområde, miljoner kronor",
                goalAreas.lines().stream().map(line -> new Bar(line.goalArea(), line.regional11())).toList()));
        page.setVariable("disbursementChart", bars("Utbetalningar från anslag 1:1 " + year + ", miljoner kronor", List.of(
                new Bar("Projektmedel", projects.net()), new Bar("Företagsstöd", business.net()),
                new Bar("Kommersiell service", service.net()))));
        page.setVariable("leverageChart", bars("Finansiering av projekt beslutade " + year + ", miljoner kronor", List.of(
                new Bar("1:1-medel", leverage.regional11()), new Bar("Tillväxtverket, EU", leverage.tillvaxtverketEu()),
                new Bar("Tillväxtverket, nationellt", leverage.tillvaxtverketNational()),
                new Bar("Vinnova", leverage.vinnova()), new Bar("Övriga", leverage.rest()))));
        page.setVariable("smallerMunicipalitiesChart", shares("Företagsstöd beviljade " + year
                + " i länets mindre kommuner, andel i procent", List.of(
                new Share("Antal", decided.smallerMunicipalitiesNumberPercent()),
                new Share("Belopp", decided.smallerMunicipalitiesAmountPercent()))));
        page.setVariable("goalAreas", goalAreas.lines().stream().map(line -> Map.of(
                "slug", slug(line.goalArea()), "share", line.sharePercent() + " %",
                "name", line.goalArea().toLowerCase(Locale.ROOT))).toList());
        return TEMPLATES.process("annual-report", page);
    }

    private record Bar(String label, Amount amount) {
    }

    /** The parts of the 1:1 disbursements the headline names, each only if something was paid to it. */
    private static List<Map<String, String>> paidParts(DisbursementLine projects, DisbursementLine business) {
        List<Map<String, String>> parts = new ArrayList<>();
        if (projects.net().sek().signum() != 0) {
            parts.add(Map.of("key", "project", "msek", msek(projects.net()), "what", "projektmedel",
                    "percent", projects.sharePercent() + " %", "recipients", String.valueOf(projects.recipients()),
                    "whom", "pågående projekt"));
        }
        if (business.net().sek().signum() != 0) {
            parts.add(Map.of("key", "business", "msek", msek(business.net()), "what", "företagsstöd",
                    "percent", business.sharePercent() + " %", "recipients", String.valueOf(business.recipients()),
                    "whom", "företag"));
        }
        return parts;
    }

    private record Share(String label, int percent) {
    }

    /**
     * A horizontal bar chart of amounts in MSEK, for the chart template: each bar's place, length and value. A bar of
     * nothing is left out: the sentence above the chart already says what the year did not have.
     */
    private static Map<String, Object> bars(String caption, List<Bar> all) {
        List<Bar> bars = all.stream().filter(bar -> bar.amount().sek().signum() != 0).toList();
        BigDecimal max = bars.stream().map(bar -> bar.amount().msek()).max(BigDecimal::compareTo).orElse(BigDecimal.ONE);
        double scale = max.signum() == 0 ? 0 : 420 / max.doubleValue();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < bars.size(); i++) {
            int width = (int) Math.round(bars.get(i).amount().msek().doubleValue() * scale);
            rows.add(row(i, bars.get(i).label(), Math.max(width, 1), 186 + width, msek(bars.get(i).amount())));
        }
        return chart(caption, rows, false);
    }

    /** Bars of shares on a 0–100 % track, for the chart template. */
    private static Map<String, Object> shares(String caption, List<Share> shares) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < shares.size(); i++) {
            rows.add(row(i, shares.get(i).label(), shares.get(i).percent() * 4, 586, shares.get(i).percent() + " %"));
        }
        return chart(caption, rows, true);
    }

    private static Map<String, Object> chart(String caption, List<Map<String, Object>> rows, boolean track) {
        return Map.of("caption", caption, "bars", rows, "height", rows.size() * 34 + 10, "track", track);
    }

    private static Map<String, Object> row(int index, String label, int width, int valueX, String value) {
        int y = 5 + index * 34;
        return Map.of("label", label, "y", y, "textY", y + 18, "width", width, "valueX", valueX, "value", value,
                "colour", COLOURS[index % COLOURS.length]);
    }

    /** MSEK with one decimal and a decimal comma, as the report writes it: 31,6. */
    static String msek(Amount amount) {
        return decimal(amount.msek());
    }

    private static String decimal(BigDecimal value) {
        return value.toPlainString().replace('.', ',');
    }

    /** Whole kronor with spaces between thousands: 180 563. */
    private static String kronor(Amount amount) {
        return String.format(Locale.ROOT, "%,d", amount.sek().setScale(0, java.math.RoundingMode.HALF_UP).longValueExact())
                .replace(',', '\u00a0');
    }

    private static String slug(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9åäö]+", "-");
    }

    private static int companies(TillvaxtverketChecks checks, String checkType) {
        return checks.byType().stream().filter(line -> line.checkType().equals(checkType))
                .mapToInt(CheckLine::companies).sum();
    }

    private static DisbursementLine line(Disbursements paid, String supportType) {
        return paid.lines().stream().filter(line -> line.fund().equals("REGIONAL_1_1") && line.supportType().equals(supportType))
                .findFirst().orElse(new DisbursementLine("REGIONAL_1_1", supportType, Amount.ofOre(0), Amount.ofOre(0),
                        Amount.ofOre(0), 0, 0));
    }
}
