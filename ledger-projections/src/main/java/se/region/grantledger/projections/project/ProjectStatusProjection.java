package se.region.grantledger.projections.project;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;
import se.region.grantledger.core.api.project.GrantAmended;
import se.region.grantledger.core.api.project.GrantDecided;
import se.region.grantledger.core.api.project.GrantDecisionProposed;
import se.region.grantledger.core.api.project.GrantWithdrawn;
import se.region.grantledger.core.api.project.PaymentMade;
import se.region.grantledger.core.api.project.PaymentProposed;
import se.region.grantledger.core.api.project.ProjectClosed;
import se.region.grantledger.core.api.project.ProjectRegistered;
import se.region.grantledger.core.api.project.RecoveryDecided;
import se.region.grantledger.core.api.project.RepaymentReceived;
import se.region.grantledger.core.api.project.RequisitionApproved;
import se.region.grantledger.core.api.project.RequisitionRejected;
import se.region.grantledger.core.api.project.RequisitionSubmitted;
import se.region.grantledger.core.model.FinancingPlan;
import se.region.grantledger.core.model.Municipality;
import se.region.grantledger.core.model.PaymentType;
import se.region.grantledger.core.model.ProjectStatus;
import se.region.grantledger.projections.ReplayableProjection;
import se.region.grantledger.projections.Repayment;

import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Keeps {@link ProjectStatusRow} up to date from the project events. Each handler skips an event whose
 * sequence number the row has already reached, so a redelivered event changes nothing.
 */
@Component
@ProcessingGroup(ProjectStatusProjection.PROCESSING_GROUP)
public class ProjectStatusProjection implements ReplayableProjection {

    public static final String PROCESSING_GROUP = "project-status";

    private final ProjectStatusRepository repository;
    private final EntityManager entityManager;

    public ProjectStatusProjection(ProjectStatusRepository repository, EntityManager entityManager) {
        this.repository = repository;
        this.entityManager = entityManager;
    }

    @Override
    public List<String> tables() {
        return List.of("project_status", "project_status_municipality", "project_status_plan_line");
    }

    @EventHandler
    void on(ProjectRegistered event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        ProjectStatusRow stored = entityManager.find(ProjectStatusRow.class, event.projectId());
        if (stored != null && stored.getVersion() >= sequence) {
            return;
        }
        ProjectStatusRow row = stored == null ? new ProjectStatusRow(event.projectId()) : stored;
        row.registered(event.diaryNumber(), event.nypsCaseId(), event.title(), event.owner().name(),
                event.owner().organisationNumber().toString(), event.kind(), event.goalArea(), event.period().start(),
                event.period().end(), event.municipalities().stream().map(Municipality::scbCode).collect(Collectors.toSet()));
        row.applied(sequence, recordedAt);
        if (stored == null) {
            entityManager.persist(row); // after its values are set: Hibernate inserts the values it had at persist
        }
    }

    @EventHandler
    void on(GrantDecisionProposed event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        update(event.projectId(), sequence, recordedAt, row -> row.grantProposed(event.preparedBy()));
    }

    @EventHandler
    void on(GrantDecided event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        update(event.projectId(), sequence, recordedAt, row -> row.decided(event.decisionNumber(), event.decisionDate(),
                event.grantedAmount().ore(), event.totalBudget().ore(), lines(event.plan()), event.preparedBy(),
                event.decidedBy()));
    }

    @EventHandler
    void on(PaymentProposed event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        update(event.projectId(), sequence, recordedAt, row -> row.paymentProposed(event.amount().ore()));
    }

    @EventHandler
    void on(GrantAmended event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        update(event.projectId(), sequence, recordedAt, row -> {
            row.planChanged(event.grantedAmount().ore(), event.totalBudget().ore(), lines(event.plan()));
            row.periodChanged(event.period().start(), event.period().end());
        });
    }

    @EventHandler
    void on(RequisitionSubmitted event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        update(event.projectId(), sequence, recordedAt,
                row -> row.requisitionSubmitted(event.requisitionId(), event.totalCosts().ore()));
    }

    @EventHandler
    void on(RequisitionApproved event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        update(event.projectId(), sequence, recordedAt,
                row -> row.requisitionApproved(event.approvedTotal().ore(), event.payableAmount().ore()));
    }

    @EventHandler
    void on(RequisitionRejected event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        update(event.projectId(), sequence, recordedAt, ProjectStatusRow::requisitionRejected);
    }

    @EventHandler
    void on(PaymentMade event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        update(event.projectId(), sequence, recordedAt,
                row -> row.paid(event.amount().ore(), event.type() == PaymentType.ADVANCE));
    }

    @EventHandler
    void on(RecoveryDecided event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        update(event.projectId(), sequence, recordedAt, row -> row.recovered(event.amount().ore()));
    }

    @EventHandler
    void on(RepaymentReceived event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        Repayment repayment = Repayment.of(event.amount(), event.creditedToFrame(), event.returnedToState());
        update(event.projectId(), sequence, recordedAt,
                row -> row.repaid(event.amount().ore(), repayment.creditedOre(), repayment.toStateOre()));
    }

    @EventHandler
    void on(ProjectClosed event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        update(event.projectId(), sequence, recordedAt,
                row -> row.ended(ProjectStatus.CLOSED, event.releasedAmount().ore()));
    }

    @EventHandler
    void on(GrantWithdrawn event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        update(event.projectId(), sequence, recordedAt,
                row -> row.ended(ProjectStatus.WITHDRAWN, event.releasedAmount().ore()));
    }

    @ResetHandler
    void reset() {
        repository.deleteAllInBatch();
    }

    private void update(String projectId, long sequence, Instant recordedAt, Consumer<ProjectStatusRow> change) {
        // Found by its id, a row this batch has already loaded costs no query and no flush of the batch's other rows.
        // Locked until the batch's transaction ends: a segment can briefly be processed by two instances (a claim
        // taken over after it timed out); the lock makes the second wait and then see the first's change.
        ProjectStatusRow row = entityManager.find(ProjectStatusRow.class, projectId);
        if (row == null) {
            throw new IllegalStateException("project " + projectId + " has events but no status row");
        }
        entityManager.lock(row, LockModeType.PESSIMISTIC_WRITE); // once a batch: a locked row is not locked again
        if (row.getVersion() >= sequence) {
            return;
        }
        change.accept(row);
        row.applied(sequence, recordedAt);
    }

    private static List<PlanLineRow> lines(FinancingPlan plan) {
        return plan.lines().stream()
                .map(l -> new PlanLineRow(l.funder(), l.category(), l.form(), l.amount().ore()))
                .toList();
    }
}
