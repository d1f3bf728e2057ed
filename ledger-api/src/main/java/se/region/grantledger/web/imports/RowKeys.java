package se.region.grantledger.web.imports;

import se.region.grantledger.web.imports.ImportSheets.ImportRow;

/**
 * Natural keys of imported rows ({@code project:RV190046}, {@code payment:RV190046:UB-2019-118}): what a row
 * recorded is marked under its key, so a row is imported once, by whichever import, and later rows find the ids
 * earlier ones created. Cases are keyed by their kind and diary number.
 */
final class RowKeys {

    private RowKeys() {
    }

    static String project(String diary) {
        return "project:" + diary;
    }

    static String businessSupport(String diary) {
        return "business-support:" + diary;
    }

    static String commercialService(String diary) {
        return "commercial-service:" + diary;
    }

    static String requisition(String diary, String requisition) {
        return "requisition:" + diary + ":" + requisition;
    }

    /** Plan lines belong to the decision of the same diary and decision number. */
    static String decision(ImportRow row) {
        return row.get("diary_number") + ":" + row.get("decision_number");
    }

    static String decisionStep(ImportRow row) {
        return "decision:" + decision(row);
    }

    static String payment(String diary, String reference) {
        return "payment:" + diary + ":" + reference;
    }

    static String recovery(String diary, String recovery) {
        return "recovery:" + diary + ":" + recovery;
    }

    static String repayment(String diary, String reference) {
        return "repayment:" + diary + ":" + reference;
    }

    /** A frame's key has its amount: a frame set again to another amount is another row. */
    static String frame(ImportRow row) {
        return "frame:" + row.get("fund") + ":" + row.get("year") + ":" + row.get("frame");
    }

    static String exchangeRate(String currency, String date) {
        return "rate:" + currency + ":" + date;
    }

    static String undertaking(String undertakingId) {
        return "undertaking:" + undertakingId;
    }
}
