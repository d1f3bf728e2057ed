package se.region.grantledger.web.reports;

import se.region.grantledger.projections.reports.Reports.BusinessSupport;
import se.region.grantledger.projections.reports.Reports.Commitments;
import se.region.grantledger.projections.reports.Reports.Disbursements;
import se.region.grantledger.projections.reports.Reports.GoalAreas;
import se.region.grantledger.projections.reports.Reports.Leverage;
import se.region.grantledger.projections.reports.Reports.TillvaxtverketChecks;

import java.util.ArrayList;
import java.util.List;

/** Each report as rows for CSV and Excel, straight from the same values the JSON shows. */
final class ReportTables {

    private ReportTables() {
    }

    static List<ReportRow> of(Leverage leverage) {
        List<ReportRow> rows = new ArrayList<>();
        String summary = "leverage " + leverage.year();
        rows.add(ReportRow.amount(summary, "REGIONAL_1_1", leverage.regional11()));
        rows.add(ReportRow.amount(summary, "total budget", leverage.totalBudget()));
        rows.add(ReportRow.amount(summary, "others", leverage.others()));
        rows.add(ReportRow.ratio(summary, "others per 1:1 krona", leverage.othersPerRegionalKrona()));
        rows.add(ReportRow.amount(summary, "Tillväxtverket", leverage.tillvaxtverket()));
        rows.add(ReportRow.amount(summary, "Tillväxtverket EU (ERUF)", leverage.tillvaxtverketEu()));
        rows.add(ReportRow.amount(summary, "Tillväxtverket national", leverage.tillvaxtverketNational()));
        rows.add(ReportRow.amount(summary, "Vinnova", leverage.vinnova()));
        rows.add(ReportRow.amount(summary, "municipalities, regions, private and other public", leverage.rest()));
        rows.add(ReportRow.amount(summary, "cash", leverage.cash()));
        rows.add(ReportRow.amount(summary, "in kind", leverage.inKind()));
        leverage.byCategoryAndForm().forEach(line -> rows.add(ReportRow.amount("by category and form",
                line.category() + " " + line.form(), line.amount())));
        return rows;
    }

    static List<ReportRow> of(Disbursements paid) {
        List<ReportRow> rows = new ArrayList<>();
        rows.add(ReportRow.amount("disbursed " + paid.year(), "from 1:1, net of repayments", paid.regional11Net()));
        rows.add(ReportRow.amount("disbursed " + paid.year(), "total, net of repayments", paid.totalNet()));
        paid.lines().forEach(line -> {
            String section = line.fund() + " " + line.supportType();
            rows.add(ReportRow.amount(section, "paid", line.paid()));
            rows.add(ReportRow.amount(section, "repaid", line.repaid()));
            rows.add(ReportRow.amount(section, "net", line.net(), line.sharePercent()));
            rows.add(ReportRow.count(section, "recipients", line.recipients()));
        });
        return rows;
    }

    static List<ReportRow> of(BusinessSupport decided) {
        List<ReportRow> rows = new ArrayList<>();
        String summary = "business support decided " + decided.year() + " from 1:1";
        rows.add(new ReportRow(summary, "all", decided.amount().sek(), decided.amount().msek(), null,
                decided.decisions(), null));
        decided.byType().forEach(line -> rows.add(new ReportRow("by fund and support type",
                line.fund() + " " + line.supportType(), line.amount().sek(), line.amount().msek(), null,
                line.decisions(), null)));
        rows.add(ReportRow.share("smaller municipalities", "share of the number", decided.smallerMunicipalitiesNumberPercent()));
        rows.add(ReportRow.share("smaller municipalities", "share of the amount", decided.smallerMunicipalitiesAmountPercent()));
        rows.add(ReportRow.share("led by women", "share of the number", decided.ledByWomenNumberPercent()));
        rows.add(ReportRow.share("led by women", "share of the amount", decided.ledByWomenAmountPercent()));
        rows.add(ReportRow.share("led by persons born abroad", "share of the number",
                decided.ledByPersonsBornAbroadNumberPercent()));
        rows.add(ReportRow.share("led by persons born abroad", "share of the amount",
                decided.ledByPersonsBornAbroadAmountPercent()));
        TillvaxtverketChecks checks = decided.tillvaxtverketChecks();
        rows.add(new ReportRow("Tillväxtverket's checks paid " + decided.year(), "all", checks.paid().sek(),
                checks.paid().msek(), null, checks.companies(), null));
        checks.byType().forEach(line -> rows.add(new ReportRow("Tillväxtverket's checks paid " + decided.year(),
                line.checkType(), line.paid().sek(), line.paid().msek(), null, line.companies(), null)));
        return rows;
    }

    static List<ReportRow> of(GoalAreas goalAreas) {
        List<ReportRow> rows = new ArrayList<>();
        rows.add(ReportRow.amount("new 1:1 project money " + goalAreas.year(), "all goal areas", goalAreas.regional11()));
        goalAreas.lines().forEach(line -> rows.add(ReportRow.amount("goal area", line.goalArea(), line.regional11(),
                line.sharePercent())));
        return rows;
    }

    static List<ReportRow> of(Commitments commitments) {
        List<ReportRow> rows = new ArrayList<>();
        commitments.lines().forEach(line -> {
            String section = line.fund() + " decided " + line.decisionYear() + ", as of " + commitments.asOf();
            rows.add(ReportRow.amount(section, "reserved", line.reserved()));
            rows.add(ReportRow.amount(section, "paid", line.paid()));
            rows.add(ReportRow.amount(section, "released", line.released()));
            rows.add(ReportRow.amount(section, "returned to the state", line.returnedToState()));
            rows.add(ReportRow.amount(section, "outstanding", line.outstanding()));
        });
        return rows;
    }
}
