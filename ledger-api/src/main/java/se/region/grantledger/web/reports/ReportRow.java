package se.region.grantledger.web.reports;

import se.region.grantledger.projections.reports.Reports.Amount;

import java.math.BigDecimal;

/**
 * One line of a report as a table, for CSV and Excel: what it is, and whichever of the figures apply (the others
 * are empty). The figures are taken from the report's values as they are, never recomputed.
 */
record ReportRow(String section, String item, BigDecimal kronor, BigDecimal msek, Integer percent, Integer count,
                 BigDecimal ratio) {

    static final String[] HEADERS = {"section", "item", "kronor", "msek", "percent", "count", "ratio"};

    static ReportRow amount(String section, String item, Amount amount) {
        return new ReportRow(section, item, amount.sek(), amount.msek(), null, null, null);
    }

    static ReportRow amount(String section, String item, Amount amount, int percent) {
        return new ReportRow(section, item, amount.sek(), amount.msek(), percent, null, null);
    }

    static ReportRow share(String section, String item, int percent) {
        return new ReportRow(section, item, null, null, percent, null, null);
    }

    static ReportRow count(String section, String item, int count) {
        return new ReportRow(section, item, null, null, null, count, null);
    }

    static ReportRow ratio(String section, String item, BigDecimal ratio) {
        return new ReportRow(section, item, null, null, null, null, ratio);
    }

    Object[] cells() {
        return new Object[]{section, item, kronor, msek, percent, count, ratio};
    }
}
