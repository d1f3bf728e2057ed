package se.region.grantledger.web.reports;

import org.springframework.web.util.HtmlUtils;
import se.region.grantledger.projections.reports.Reports.Amount;
import se.region.grantledger.projections.reports.Reports.BusinessSupport;
import se.region.grantledger.projections.reports.Reports.DisbursementLine;
import se.region.grantledger.projections.reports.Reports.Disbursements;
import se.region.grantledger.projections.reports.Reports.GoalAreas;
import se.region.grantledger.projections.reports.Reports.Leverage;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The yearly report's section 2, "Fördelning av anslag 1:1", as a printable page in Swedish: the figures in the
 * sentences the region writes, and three charts drawn as inline SVG (no scripts, fonts or images from the
 * network). Every figure comes from the same report values as the JSON, CSV and Excel; each carries a
 * {@code data-figure} attribute so a test can read it back.
 */
final class AnnualReportPage {

    private static final String[] COLOURS = {"#1f5f8b", "#e07a1f", "#3c8d3c", "#8b3c8b", "#9a8a2c", "#5a5a5a"};

    private AnnualReportPage() {
    }

    static String render(int year, Disbursements paid, Leverage leverage, BusinessSupport decided, GoalAreas goalAreas) {
        DisbursementLine projects = line(paid, "PROJECT");
        DisbursementLine business = line(paid, "BUSINESS_SUPPORT");
        DisbursementLine service = line(paid, "COMMERCIAL_SERVICE");
        StringBuilder page = new StringBuilder();
        page.append("""
                <!DOCTYPE html>
                <html lang="sv"><head><meta charset="utf-8"><title>Fördelning av anslag 1:1 %1$d</title>
                <style>
                  body { font-family: Georgia, 'Times New Roman', serif; max-width: 46rem; margin: 2rem auto; color: #222; }
                  h1 { font-size: 1.6rem; } h2 { font-size: 1.2rem; margin-top: 2rem; }
                  figure { margin: 1rem 0; } figcaption { font-size: .9rem; color: #555; }
                  @media print { body { margin: 0; } figure { break-inside: avoid; } }
                </style></head><body>
                <h1>2. Fördelning av anslag 1:1 Regionala tillväxtåtgärder %1$d</h1>
                """.formatted(year));
        page.append("<h2>Utbetalningar</h2><p>Under ").append(year).append(" utbetalades ")
                .append(figure("total-msek", msek(paid.totalNet()))).append(" miljoner kronor i finansiering till företag och projekt")
                .append(" från anslaget 1:1 Regionala tillväxtåtgärder, fördelat på ")
                .append(figure("project-msek", msek(projects.net()))).append(" miljoner kronor i projektmedel (")
                .append(figure("project-percent", projects.sharePercent() + "%")).append(") till ")
                .append(figure("project-recipients", String.valueOf(projects.recipients()))).append(" pågående projekt, och ")
                .append(figure("business-msek", msek(business.net()))).append(" miljoner kronor i företagsstöd (")
                .append(figure("business-percent", business.sharePercent() + "%")).append(") till ")
                .append(figure("business-recipients", String.valueOf(business.recipients()))).append(" företag. ")
                .append("Stöd till kommersiell service betalades ut med ")
                .append(figure("service-sek", kronor(service.net()))).append(" kronor till ")
                .append(figure("service-recipients", String.valueOf(service.recipients()))).append(" mottagare.</p>");
        page.append(bars("Utbetalningar från anslag 1:1 " + year + ", miljoner kronor", List.of(
                new Bar("Projektmedel", projects.net()), new Bar("Företagsstöd", business.net()),
                new Bar("Kommersiell service", service.net()))));

        page.append("<h2>Medfinansiering av projekt beslutade ").append(year).append("</h2><p>Projekt som beviljades ")
                .append("1:1-medel under ").append(year).append(" fick ").append(figure("leverage-regional-msek", msek(leverage.regional11())))
                .append(" miljoner kronor i 1:1-medel, av en total projektbudget på ")
                .append(figure("leverage-total-msek", msek(leverage.totalBudget()))).append(" miljoner kronor. ")
                .append("Det innebär att ").append(figure("leverage-others-msek", msek(leverage.others())))
                .append(" miljoner kronor kom från andra finansiärer: Tillväxtverket ")
                .append(figure("leverage-tillvaxtverket-msek", msek(leverage.tillvaxtverket()))).append(" miljoner kronor (EU ")
                .append(figure("leverage-eu-msek", msek(leverage.tillvaxtverketEu()))).append(" och nationella medel ")
                .append(figure("leverage-national-msek", msek(leverage.tillvaxtverketNational()))).append("), Vinnova ")
                .append(figure("leverage-vinnova-msek", msek(leverage.vinnova())))
                .append(" miljoner kronor och kommuner, andra regioner, privata aktörer och andra offentliga organisationer ")
                .append(figure("leverage-rest-msek", msek(leverage.rest()))).append(" miljoner kronor. Varje krona i 1:1-medel ")
                .append("växlades upp med ").append(figure("leverage-ratio", decimal(leverage.othersPerRegionalKrona())))
                .append(" kronor från andra.</p>");
        page.append(bars("Finansiering av projekt beslutade " + year + ", miljoner kronor", List.of(
                new Bar("1:1-medel", leverage.regional11()), new Bar("Tillväxtverket, EU", leverage.tillvaxtverketEu()),
                new Bar("Tillväxtverket, nationellt", leverage.tillvaxtverketNational()), new Bar("Vinnova", leverage.vinnova()),
                new Bar("Övriga", leverage.rest()))));

        page.append("<h2>Företagsstöd</h2><p>Under ").append(year).append(" beviljades ")
                .append(figure("business-decisions", String.valueOf(decided.decisions()))).append(" nya företagsstöd om ")
                .append(figure("business-decided-msek", msek(decided.amount()))).append(" miljoner kronor. ")
                .append(figure("smaller-number-percent", decided.smallerMunicipalitiesNumberPercent() + " %"))
                .append(" av antalet beviljade stöd och ")
                .append(figure("smaller-amount-percent", decided.smallerMunicipalitiesAmountPercent() + " %"))
                .append(" av beloppen gick till länets mindre kommuner (alla utom Västerås).</p>");
        page.append(shares("Företagsstöd beviljade " + year + " i länets mindre kommuner, andel i procent", List.of(
                new Share("Antal", decided.smallerMunicipalitiesNumberPercent()),
                new Share("Belopp", decided.smallerMunicipalitiesAmountPercent()))));

        page.append("<h2>Insatsområden</h2><p>Av de nya projektmedlen ").append(year).append(" gick ");
        List<String> areas = new ArrayList<>();
        goalAreas.lines().forEach(line -> areas.add(figure("goal-" + slug(line.goalArea()), line.sharePercent() + " %")
                + " till " + HtmlUtils.htmlEscape(line.goalArea().toLowerCase(Locale.ROOT))));
        page.append(String.join(", ", areas)).append(".</p></body></html>\n");
        return page.toString();
    }

    private record Bar(String label, Amount amount) {
    }

    private record Share(String label, int percent) {
    }

    /** A horizontal bar chart of amounts in MSEK, as inline SVG. */
    private static String bars(String caption, List<Bar> bars) {
        BigDecimal max = bars.stream().map(bar -> bar.amount().msek()).max(BigDecimal::compareTo).orElse(BigDecimal.ONE);
        double scale = max.signum() == 0 ? 0 : 420 / max.doubleValue();
        StringBuilder svg = new StringBuilder("<figure><svg xmlns=\"http://www.w3.org/2000/svg\" width=\"680\" height=\"")
                .append(bars.size() * 34 + 10).append("\" role=\"img\" aria-label=\"").append(HtmlUtils.htmlEscape(caption)).append("\">");
        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            int y = 5 + i * 34;
            int width = (int) Math.round(bar.amount().msek().doubleValue() * scale);
            svg.append("<text x=\"0\" y=\"").append(y + 18).append("\" font-size=\"13\">").append(HtmlUtils.htmlEscape(bar.label()))
                    .append("</text><rect x=\"180\" y=\"").append(y).append("\" width=\"").append(Math.max(width, 1))
                    .append("\" height=\"24\" fill=\"").append(COLOURS[i % COLOURS.length]).append("\"/><text x=\"")
                    .append(186 + width).append("\" y=\"").append(y + 18).append("\" font-size=\"13\">")
                    .append(msek(bar.amount())).append("</text>");
        }
        return svg.append("</svg><figcaption>").append(HtmlUtils.htmlEscape(caption)).append("</figcaption></figure>").toString();
    }

    /** Bars of shares on a 0–100 % scale, as inline SVG. */
    private static String shares(String caption, List<Share> shares) {
        StringBuilder svg = new StringBuilder("<figure><svg xmlns=\"http://www.w3.org/2000/svg\" width=\"680\" height=\"")
                .append(shares.size() * 34 + 10).append("\" role=\"img\" aria-label=\"").append(HtmlUtils.htmlEscape(caption)).append("\">");
        for (int i = 0; i < shares.size(); i++) {
            Share share = shares.get(i);
            int y = 5 + i * 34;
            int width = share.percent() * 4;
            svg.append("<text x=\"0\" y=\"").append(y + 18).append("\" font-size=\"13\">").append(share.label())
                    .append("</text><rect x=\"180\" y=\"").append(y).append("\" width=\"400\" height=\"24\" fill=\"#ddd\"/>")
                    .append("<rect x=\"180\" y=\"").append(y).append("\" width=\"").append(width).append("\" height=\"24\" fill=\"")
                    .append(COLOURS[i % COLOURS.length]).append("\"/><text x=\"").append(586).append("\" y=\"").append(y + 18)
                    .append("\" font-size=\"13\">").append(share.percent()).append(" %</text>");
        }
        return svg.append("</svg><figcaption>").append(HtmlUtils.htmlEscape(caption)).append("</figcaption></figure>").toString();
    }

    private static String figure(String name, String text) {
        return "<span data-figure=\"" + name + "\">" + text + "</span>";
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

    private static DisbursementLine line(Disbursements paid, String supportType) {
        return paid.lines().stream().filter(line -> line.fund().equals("REGIONAL_1_1") && line.supportType().equals(supportType))
                .findFirst().orElse(new DisbursementLine("REGIONAL_1_1", supportType, Amount.ofOre(0), Amount.ofOre(0),
                        Amount.ofOre(0), 0, 0));
    }
}
