package se.region.grantledger.projections.reports;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import se.region.grantledger.core.api.limits.AppropriationCredited;
import se.region.grantledger.core.api.limits.AppropriationDrawn;
import se.region.grantledger.core.api.limits.AppropriationReleased;
import se.region.grantledger.core.api.limits.AppropriationReserved;
import se.region.grantledger.core.api.limits.RepaymentReturnedToState;
import se.region.grantledger.core.api.project.GrantAmended;
import se.region.grantledger.core.api.project.GrantDecided;
import se.region.grantledger.core.api.project.PaymentMade;
import se.region.grantledger.core.api.project.ProjectRegistered;
import se.region.grantledger.core.api.project.RepaymentReceived;
import se.region.grantledger.core.api.support.BusinessSupportDecided;
import se.region.grantledger.core.api.support.BusinessSupportRegistered;
import se.region.grantledger.core.api.support.CommercialServiceGrantRegistered;
import se.region.grantledger.core.api.support.SupportPaymentMade;
import se.region.grantledger.core.api.support.SupportRepaymentReceived;
import se.region.grantledger.core.model.FinancingPlan;
import se.region.grantledger.core.model.Fund;
import se.region.grantledger.core.model.SupportType;
import se.region.grantledger.projections.Repayment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The facts the reports are made of (docs/reporting-schema.md), in plain SQL: who receives money, each decision's
 * financing by category and form, every payment and repayment, decided business support and every movement of
 * the frames, each with its business date and the moment it was recorded, so that every report can be read at a
 * business date as known at an instant (docs/reporting-schema.md). Rows are keyed by the event they come from, so a
 * redelivered event inserts nothing twice.
 */
@Component
@ProcessingGroup(ReportProjection.PROCESSING_GROUP)
public class ReportProjection {

    public static final String PROCESSING_GROUP = "reports";

    private final NamedParameterJdbcTemplate sql;

    public ReportProjection(NamedParameterJdbcTemplate sql) {
        this.sql = sql;
    }

    @EventHandler
    void on(ProjectRegistered event) {
        addCase(new MapSqlParameterSource("id", event.projectId()).addValue("type", SupportType.PROJECT.name())
                .addValue("diary", event.diaryNumber()).addValue("recipient", event.projectId())
                .addValue("name", event.owner().name()).addValue("municipality", null)
                .addValue("goalArea", event.goalArea()).addValue("bsType", null).addValue("woman", null)
                .addValue("abroad", null).addValue("fund", Fund.REGIONAL_1_1.name()));
    }

    @EventHandler
    void on(BusinessSupportRegistered event) {
        addCase(new MapSqlParameterSource("id", event.caseId()).addValue("type", SupportType.BUSINESS_SUPPORT.name())
                .addValue("diary", event.diaryNumber())
                .addValue("recipient", event.company().organisationNumber().toString())
                .addValue("name", event.company().name()).addValue("municipality", event.company().municipality().scbCode())
                .addValue("goalArea", null).addValue("bsType", event.supportType().name())
                .addValue("woman", event.company().ledByWoman())
                .addValue("abroad", event.company().ledByPersonBornAbroad()).addValue("fund", event.fund().name()));
    }

    @EventHandler
    void on(CommercialServiceGrantRegistered event) {
        addCase(new MapSqlParameterSource("id", event.grantId()).addValue("type", SupportType.COMMERCIAL_SERVICE.name())
                .addValue("diary", event.diaryNumber())
                .addValue("recipient", event.recipient().organisationNumber().toString())
                .addValue("name", event.recipient().name()).addValue("municipality", event.municipality().scbCode())
                .addValue("goalArea", null).addValue("bsType", null).addValue("woman", null).addValue("abroad", null)
                .addValue("fund", Fund.REGIONAL_1_1.name()));
    }

    @EventHandler
    void on(GrantDecided event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        financingChanges(event.projectId(), sequence, event.decisionDate(), event.plan(), Map.of(), recordedAt);
    }

    /** An amendment counts at its own decision date, by how much it changed each category and form. */
    @EventHandler
    void on(GrantAmended event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        Map<String, Long> before = new HashMap<>();
        sql.query("""
                SELECT category, form, SUM(amount_ore) AS ore FROM report_financing_change
                WHERE project_id = :id AND sequence_number < :seq GROUP BY category, form""",
                new MapSqlParameterSource("id", event.projectId()).addValue("seq", sequence),
                row -> {
                    before.put(row.getString("category") + "/" + row.getString("form"), row.getLong("ore"));
                });
        financingChanges(event.projectId(), sequence, event.decisionDate(), event.plan(), before, recordedAt);
    }

    @EventHandler
    void on(PaymentMade event, @Timestamp Instant recordedAt) {
        addPayment(event.projectId(), event.paymentId(), SupportType.PROJECT, event.fund(), event.paymentDate(),
                event.amount().ore(), recordedAt);
    }

    @EventHandler
    void on(SupportPaymentMade event, @Timestamp Instant recordedAt) {
        addPayment(event.caseId(), event.paymentId(), event.supportType(), event.fund(), event.paymentDate(),
                event.amount().ore(), recordedAt);
    }

    @EventHandler
    void on(RepaymentReceived event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        addRepayment(event.projectId(), sequence, SupportType.PROJECT, event.receivedOn(), event.amount().ore(),
                Repayment.of(event.amount(), event.creditedToFrame(), event.returnedToState()).toStateOre(),
                recordedAt);
    }

    @EventHandler
    void on(SupportRepaymentReceived event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        addRepayment(event.caseId(), sequence, event.supportType(), event.receivedOn(), event.amount().ore(),
                Repayment.of(event.amount(), event.creditedToFrame(), event.returnedToState()).toStateOre(),
                recordedAt);
    }

    @EventHandler
    void on(BusinessSupportDecided event, @Timestamp Instant recordedAt) {
        sql.update("""
                INSERT INTO report_business_support_decision (case_id, decision_date, amount_ore, recorded_at)
                VALUES (:id, :date, :ore, :at) ON CONFLICT DO NOTHING""",
                new MapSqlParameterSource("id", event.caseId()).addValue("date", event.decisionDate())
                        .addValue("ore", event.amount().ore()).addValue("at", sqlTime(recordedAt)));
    }

    @EventHandler
    void on(AppropriationReserved event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        addMovement(event.appropriationId(), sequence, event.caseId(), "RESERVED", event.decisionDate(),
                event.amount().ore(), recordedAt);
    }

    @EventHandler
    void on(AppropriationDrawn event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        addMovement(event.appropriationId(), sequence, event.caseId(), "DRAWN", event.paymentDate(),
                event.amount().ore(), recordedAt);
    }

    @EventHandler
    void on(AppropriationReleased event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        addMovement(event.appropriationId(), sequence, event.caseId(), "RELEASED", event.releasedOn(),
                event.amount().ore(), recordedAt);
    }

    @EventHandler
    void on(AppropriationCredited event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        addMovement(event.appropriationId(), sequence, event.caseId(), "CREDITED", event.receivedOn(),
                event.amount().ore(), recordedAt);
    }

    @EventHandler
    void on(RepaymentReturnedToState event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        addMovement(event.appropriationId(), sequence, event.caseId(), "RETURNED_TO_STATE", event.receivedOn(),
                event.amount().ore(), recordedAt);
    }

    @ResetHandler
    void reset() {
        for (String table : List.of("report_commitment_movement", "report_business_support_decision",
                "report_repayment", "report_payment", "report_financing_change", "report_case")) {
            sql.getJdbcOperations().update("DELETE FROM " + table);
        }
    }

    private void addCase(MapSqlParameterSource row) {
        sql.update("""
                INSERT INTO report_case (case_id, support_type, diary_number, recipient_key, recipient_name, municipality,
                    goal_area, business_support_type, led_by_woman, led_by_person_born_abroad, fund)
                VALUES (:id, :type, :diary, :recipient, :name, :municipality, :goalArea, :bsType, :woman, :abroad, :fund)
                ON CONFLICT DO NOTHING""", row);
    }

    /** Each category and form of the new plan, less what earlier decisions put there; zero changes are left out. */
    private void financingChanges(String projectId, long sequence, LocalDate date, FinancingPlan plan,
                                  Map<String, Long> before, Instant recordedAt) {
        Map<String, Long> after = new HashMap<>();
        plan.lines().forEach(line -> after.merge(line.category().name() + "/" + line.form().name(),
                line.amount().ore(), Long::sum));
        Set<String> keys = new HashSet<>(after.keySet());
        keys.addAll(before.keySet());
        for (String key : keys) {
            long change = after.getOrDefault(key, 0L) - before.getOrDefault(key, 0L);
            if (change != 0) {
                String[] categoryAndForm = key.split("/");
                sql.update("""
                        INSERT INTO report_financing_change (project_id, sequence_number, decision_date, category, form,
                            amount_ore, recorded_at) VALUES (:id, :seq, :date, :category, :form, :ore, :at)
                        ON CONFLICT DO NOTHING""",
                        new MapSqlParameterSource("id", projectId).addValue("seq", sequence).addValue("date", date)
                                .addValue("category", categoryAndForm[0]).addValue("form", categoryAndForm[1])
                                .addValue("ore", change).addValue("at", sqlTime(recordedAt)));
            }
        }
    }

    private void addPayment(String caseId, String paymentId, SupportType type, Fund fund, LocalDate date, long ore,
                            Instant recordedAt) {
        sql.update("""
                INSERT INTO report_payment (case_id, payment_id, support_type, fund, payment_date, amount_ore,
                    recorded_at, recipient_key)
                VALUES (:id, :payment, :type, :fund, :date, :ore, :at,
                    (SELECT recipient_key FROM report_case WHERE case_id = :id))
                ON CONFLICT DO NOTHING""",
                new MapSqlParameterSource("id", caseId).addValue("payment", paymentId).addValue("type", type.name())
                        .addValue("fund", fund.name()).addValue("date", date).addValue("ore", ore)
                        .addValue("at", sqlTime(recordedAt)));
    }

    /** A repayment goes back to the fund the case was paid from; the part for earlier years' payments, to the state. */
    private void addRepayment(String caseId, long sequence, SupportType type, LocalDate date, long ore, long toStateOre,
                              Instant recordedAt) {
        sql.update("""
                INSERT INTO report_repayment (case_id, sequence_number, support_type, fund, received_on, amount_ore,
                    returned_to_state_ore, recorded_at)
                SELECT :id, :seq, :type, fund, :date, :ore, :toState, :at FROM report_case WHERE case_id = :id
                ON CONFLICT DO NOTHING""", new MapSqlParameterSource("id", caseId).addValue("seq", sequence)
                .addValue("type", type.name()).addValue("date", date).addValue("ore", ore)
                .addValue("toState", toStateOre).addValue("at", sqlTime(recordedAt)));
    }

    private void addMovement(String appropriationId, long sequence, String caseId, String kind, LocalDate date, long ore,
                             Instant recordedAt) {
        sql.update("""
                INSERT INTO report_commitment_movement (appropriation_id, sequence_number, case_id, kind, business_date,
                    amount_ore, recorded_at) VALUES (:id, :seq, :case, :kind, :date, :ore, :at)
                ON CONFLICT DO NOTHING""",
                new MapSqlParameterSource("id", appropriationId).addValue("seq", sequence).addValue("case", caseId)
                        .addValue("kind", kind).addValue("date", date).addValue("ore", ore)
                        .addValue("at", sqlTime(recordedAt)));
    }

    private static java.sql.Timestamp sqlTime(Instant recordedAt) {
        return java.sql.Timestamp.from(recordedAt);
    }
}
