package se.region.grantledger.projections.support;

import se.region.grantledger.core.model.Money;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;

/** One row of {@code support_case_status}; the type-specific fields are null for the other type. */
public record SupportCaseRow(String caseId, String supportType, String diaryNumber, String status, String fund,
                             String recipientName, String organisationNumber, String municipality,
                             String businessSupportType, Boolean ledByWoman, Boolean ledByPersonBornAbroad,
                             String purpose, String undertakingId, Long deMinimisEurCents, BigDecimal sekPerEuro,
                             String recipientKind, String serviceType, Integer serviceYear, Money netCost,
                             String registeredBy, String decisionNumber, LocalDate decisionDate, String decidedBy,
                             Money decided, Money pending, Money paid, Money recovered, Money repaid,
                             Money returnedToState, Money released,
                             LocalDate closedOn, long version) {

    /**
     * Decided and not yet paid (net of repayments) nor repaid to the state, unless closed or withdrawn, when it was
     * released. The frames hold exactly this for the case (docs/adr/0014).
     */
    public Money remaining() {
        if ("CLOSED".equals(status) || "WITHDRAWN".equals(status)) {
            return Money.ZERO;
        }
        return decided.minusOrZero(paid.minusOrZero(repaid).plus(returnedToState));
    }

    static SupportCaseRow read(ResultSet row, int number) throws SQLException {
        return new SupportCaseRow(row.getString("case_id"), row.getString("support_type"),
                row.getString("diary_number"), row.getString("status"), row.getString("fund"),
                row.getString("recipient_name"), row.getString("organisation_number"), row.getString("municipality"),
                row.getString("business_support_type"), row.getObject("led_by_woman", Boolean.class),
                row.getObject("led_by_person_born_abroad", Boolean.class), row.getString("purpose"),
                row.getString("undertaking_id"), row.getObject("de_minimis_eur_cents", Long.class),
                row.getBigDecimal("sek_per_euro"), row.getString("recipient_kind"), row.getString("service_type"),
                row.getObject("service_year", Integer.class), money(row, "net_cost_ore"), row.getString("registered_by"),
                row.getString("decision_number"), row.getObject("decision_date", LocalDate.class),
                row.getString("decided_by"), money(row, "decided_ore"), money(row, "pending_ore"), money(row, "paid_ore"),
                money(row, "recovered_ore"), money(row, "repaid_ore"), money(row, "returned_to_state_ore"),
                money(row, "released_ore"),
                row.getObject("closed_on", LocalDate.class), row.getLong("version"));
    }

    private static Money money(ResultSet row, String column) throws SQLException {
        long ore = row.getLong(column);
        return row.wasNull() ? null : Money.ofOre(ore);
    }
}
