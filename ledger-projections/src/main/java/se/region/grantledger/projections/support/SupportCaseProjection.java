package se.region.grantledger.projections.support;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import se.region.grantledger.core.api.support.BusinessSupportDecided;
import se.region.grantledger.core.api.support.BusinessSupportRegistered;
import se.region.grantledger.core.api.support.CommercialServiceGrantDecided;
import se.region.grantledger.core.api.support.CommercialServiceGrantRegistered;
import se.region.grantledger.core.api.support.SupportCaseClosed;
import se.region.grantledger.core.api.support.SupportDecisionWithdrawn;
import se.region.grantledger.core.api.support.SupportPaymentMade;
import se.region.grantledger.core.api.support.SupportPaymentProposed;
import se.region.grantledger.core.api.support.SupportRecoveryDecided;
import se.region.grantledger.core.api.support.SupportRepaymentReceived;
import se.region.grantledger.core.model.Fund;
import se.region.grantledger.core.model.SupportType;
import se.region.grantledger.projections.ReplayableProjection;
import se.region.grantledger.projections.Repayment;

import java.time.Instant;
import java.util.List;

/**
 * Keeps {@code support_case_status} from the business-support and commercial-service events, in plain SQL.
 * Every update carries the event's sequence number and applies only to a row that has not reached it yet, so a
 * redelivered event changes nothing.
 */
@Component
@ProcessingGroup(SupportCaseProjection.PROCESSING_GROUP)
public class SupportCaseProjection implements ReplayableProjection {

    public static final String PROCESSING_GROUP = "support-status";

    private final NamedParameterJdbcTemplate sql;

    public SupportCaseProjection(NamedParameterJdbcTemplate sql) {
        this.sql = sql;
    }

    @Override
    public List<String> tables() {
        return List.of("support_case_status");
    }

    @EventHandler
    void on(BusinessSupportRegistered event, @SequenceNumber long sequence, @Timestamp Instant at) {
        sql.update("""
                INSERT INTO support_case_status (case_id, support_type, diary_number, status, fund, recipient_name,
                    organisation_number, municipality, business_support_type, led_by_woman, led_by_person_born_abroad,
                    purpose, registered_by, version, updated_at)
                VALUES (:id, :type, :diary, 'REGISTERED', :fund, :name, :org, :municipality, :bsType, :woman, :abroad,
                    :purpose, :by, :seq, :at)
                ON CONFLICT (case_id) DO NOTHING""", row(event.caseId(), sequence, at)
                .addValue("type", SupportType.BUSINESS_SUPPORT.name()).addValue("diary", event.diaryNumber())
                .addValue("fund", event.fund().name()).addValue("name", event.company().name())
                .addValue("org", event.company().organisationNumber().toString())
                .addValue("municipality", event.company().municipality().scbCode())
                .addValue("bsType", event.supportType().name()).addValue("woman", event.company().ledByWoman())
                .addValue("abroad", event.company().ledByPersonBornAbroad()).addValue("purpose", event.purpose())
                .addValue("by", event.registeredBy()));
    }

    @EventHandler
    void on(CommercialServiceGrantRegistered event, @SequenceNumber long sequence, @Timestamp Instant at) {
        sql.update("""
                INSERT INTO support_case_status (case_id, support_type, diary_number, status, fund, recipient_name,
                    organisation_number, municipality, recipient_kind, service_type, service_year, net_cost_ore,
                    registered_by, version, updated_at)
                VALUES (:id, :type, :diary, 'REGISTERED', :fund, :name, :org, :municipality, :kind, :serviceType,
                    :year, :netCost, :by, :seq, :at)
                ON CONFLICT (case_id) DO NOTHING""", row(event.grantId(), sequence, at)
                .addValue("type", SupportType.COMMERCIAL_SERVICE.name()).addValue("diary", event.diaryNumber())
                .addValue("fund", Fund.REGIONAL_1_1.name()).addValue("name", event.recipient().name())
                .addValue("org", event.recipient().organisationNumber().toString())
                .addValue("municipality", event.municipality().scbCode())
                .addValue("kind", event.recipientKind().name()).addValue("serviceType", event.serviceType().name())
                .addValue("year", event.year()).addValue("netCost", event.netCost().ore())
                .addValue("by", event.registeredBy()));
    }

    @EventHandler
    void on(BusinessSupportDecided event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event.caseId(), sequence, at, """
                status = 'DECIDED', decision_number = :number, decision_date = :date, decided_by = :by,
                decided_ore = :amount, undertaking_id = :undertaking, de_minimis_eur_cents = :eur,
                sek_per_euro = :rate""", new MapSqlParameterSource("number", event.decisionNumber())
                .addValue("date", event.decisionDate()).addValue("by", event.decidedBy())
                .addValue("amount", event.amount().ore()).addValue("undertaking", event.undertakingId())
                .addValue("eur", event.amountEur().cents()).addValue("rate", event.sekPerEuro()));
    }

    @EventHandler
    void on(CommercialServiceGrantDecided event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event.grantId(), sequence, at, """
                status = 'DECIDED', decision_number = :number, decision_date = :date, decided_by = :by,
                decided_ore = :amount""", new MapSqlParameterSource("number", event.decisionNumber())
                .addValue("date", event.decisionDate()).addValue("by", event.decidedBy())
                .addValue("amount", event.amount().ore()));
    }

    @EventHandler
    void on(SupportPaymentProposed event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event.caseId(), sequence, at, "pending_ore = pending_ore + :amount",
                new MapSqlParameterSource("amount", event.amount().ore()));
    }

    @EventHandler
    void on(SupportPaymentMade event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event.caseId(), sequence, at, "pending_ore = pending_ore - :amount, paid_ore = paid_ore + :amount",
                new MapSqlParameterSource("amount", event.amount().ore()));
    }

    @EventHandler
    void on(SupportRecoveryDecided event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event.caseId(), sequence, at, "recovered_ore = recovered_ore + :amount",
                new MapSqlParameterSource("amount", event.amount().ore()));
    }

    @EventHandler
    void on(SupportRepaymentReceived event, @SequenceNumber long sequence, @Timestamp Instant at) {
        Repayment repayment = Repayment.of(event.amount(), event.creditedToFrame(), event.returnedToState());
        update(event.caseId(), sequence, at, """
                repaid_ore = repaid_ore + :amount, returned_to_state_ore = returned_to_state_ore + :toState,
                released_ore = released_ore + CASE WHEN status IN ('CLOSED', 'WITHDRAWN') THEN :credited ELSE 0 END""",
                new MapSqlParameterSource("amount", event.amount().ore()).addValue("toState", repayment.toStateOre())
                        .addValue("credited", repayment.creditedOre()));
    }

    @EventHandler
    void on(SupportCaseClosed event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event.caseId(), sequence, at, "status = 'CLOSED', closed_on = :on, released_ore = :released",
                new MapSqlParameterSource("on", event.closedOn()).addValue("released", event.releasedAmount().ore()));
    }

    @EventHandler
    void on(SupportDecisionWithdrawn event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event.caseId(), sequence, at, "status = 'WITHDRAWN', released_ore = :released",
                new MapSqlParameterSource("released", event.releasedAmount().ore()));
    }

    @ResetHandler
    void reset() {
        sql.getJdbcOperations().update("DELETE FROM support_case_status");
    }

    private void update(String caseId, long sequence, Instant at, String assignments, MapSqlParameterSource values) {
        sql.update("UPDATE support_case_status SET " + assignments + ", version = :seq, updated_at = :at"
                + " WHERE case_id = :id AND version < :seq", values.addValue("id", caseId).addValue("seq", sequence)
                .addValue("at", java.sql.Timestamp.from(at)));
    }

    private static MapSqlParameterSource row(String caseId, long sequence, Instant at) {
        return new MapSqlParameterSource("id", caseId).addValue("seq", sequence).addValue("at", java.sql.Timestamp.from(at));
    }
}
