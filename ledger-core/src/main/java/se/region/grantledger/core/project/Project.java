package se.region.grantledger.core.project;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.spring.stereotype.Aggregate;
import se.region.grantledger.core.api.project.AmendGrant;
import se.region.grantledger.core.api.project.ApproveRequisition;
import se.region.grantledger.core.api.project.DecideGrant;
import se.region.grantledger.core.api.project.GrantAmended;
import se.region.grantledger.core.api.project.GrantDecided;
import se.region.grantledger.core.api.project.GrantDecisionProposed;
import se.region.grantledger.core.api.project.GrantWithdrawn;
import se.region.grantledger.core.api.project.PaymentMade;
import se.region.grantledger.core.api.project.PaymentProposed;
import se.region.grantledger.core.api.project.ProjectClosed;
import se.region.grantledger.core.api.project.ProjectRegistered;
import se.region.grantledger.core.api.project.ProposeGrantDecision;
import se.region.grantledger.core.api.project.RecoveryDecided;
import se.region.grantledger.core.api.project.RegisterProject;
import se.region.grantledger.core.api.project.RejectRequisition;
import se.region.grantledger.core.api.project.RepaymentReceived;
import se.region.grantledger.core.api.project.RequisitionApproved;
import se.region.grantledger.core.api.project.RequisitionRejected;
import se.region.grantledger.core.api.project.RequisitionSubmitted;
import se.region.grantledger.core.api.project.SubmitRequisition;
import se.region.grantledger.core.appropriation.AppropriationLedger;
import se.region.grantledger.core.cases.GrantCase;
import se.region.grantledger.core.model.Actor;
import se.region.grantledger.core.model.CostCategory;
import se.region.grantledger.core.model.Deduction;
import se.region.grantledger.core.model.FinancingPlan;
import se.region.grantledger.core.model.Fund;
import se.region.grantledger.core.model.Money;
import se.region.grantledger.core.model.PaymentType;
import se.region.grantledger.core.model.Period;
import se.region.grantledger.core.model.ProjectKind;
import se.region.grantledger.core.model.ReportedCosts;
import se.region.grantledger.core.model.SupportType;
import se.region.grantledger.core.rules.CasePolicy;
import se.region.grantledger.core.rules.Conflict;
import se.region.grantledger.core.rules.FundingLimits;
import se.region.grantledger.core.rules.InvalidValue;
import se.region.grantledger.core.rules.ProjectPolicy;
import se.region.grantledger.core.rules.Require;
import se.region.grantledger.core.rules.StateConflict;
import se.region.grantledger.core.rules.UnknownEntity;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A project grant (projektmedel), one event stream per project: registered, granted from the 1:1 fund on a
 * financing plan, paid by requisition (and advances), closed. What every case shares (payments, recoveries,
 * repayments, closure, withdrawal, the frame's reservation) is {@link GrantCase}'s; this class holds only what is
 * a project's own: the financing plan and its rules, the decision prepared by one person and made by another,
 * amendments, and requisitions with what each makes payable.
 * <p>
 * The appropriation frame: a decision reserves the 1:1 amount against the REGIONAL_1_1 frame of its decision
 * year, an amendment reserves or releases the difference ({@link AppropriationLedger}, docs/adr/0008).
 */
@Aggregate(cache = "aggregateCache")
public class Project extends GrantCase {

    private ProjectKind kind;
    private int municipalityCount;
    private Period period;
    private FinancingPlan plan;
    private final Map<String, Requisition> requisitions = new LinkedHashMap<>();
    private String openRequisitionId;
    private GrantDecisionProposed proposal;

    protected Project() {
        // for Axon: the aggregate is rebuilt from its events
    }

    @CommandHandler
    public Project(RegisterProject command, DiaryNumberRegistry diaryNumbers) {
        Require.text(command.projectId(), "projectId");
        Require.text(command.diaryNumber(), "diaryNumber");
        Require.text(command.title(), "title");
        Require.present(command.owner(), "owner");
        Require.notEmpty(command.municipalities(), "municipalities");
        Require.present(command.kind(), "kind");
        Require.text(command.goalArea(), "goalArea");
        Require.present(command.period(), "period");
        CasePolicy.diaryNumberUnique(diaryNumbers.claim(command.diaryNumber(), command.projectId()),
                command.diaryNumber());
        apply(new ProjectRegistered(command.projectId(), command.diaryNumber(), command.nypsCaseId(), command.title(),
                command.owner(), command.municipalities().stream().sorted().toList(), command.kind(),
                command.goalArea(), command.period()));
    }

    @CommandHandler
    public void handle(ProposeGrantDecision command, FundingLimits limits, MetaData metaData) {
        Actor actor = Actor.from(metaData);
        Require.present(command.plan(), "plan");
        Require.noneMissing(command.conditions(), "conditions");
        requireUndecided();
        checkGrantRules(command.plan(), limits);
        List<String> conditions = command.conditions() == null ? List.of() : List.copyOf(command.conditions());
        apply(new GrantDecisionProposed(caseId(), command.plan(), command.plan().regional11(), command.plan().total(),
                conditions, actor.user()));
    }

    @CommandHandler
    public void handle(DecideGrant command, FundingLimits limits, AppropriationLedger appropriations, MetaData metaData) {
        CasePolicy.requireApprover(Actor.from(metaData), "decide a grant");
        Require.text(command.decisionNumber(), "decisionNumber");
        Require.present(command.decisionDate(), "decisionDate");
        requireUndecided();
        if (proposal == null) {
            throw new StateConflict(Conflict.NO_GRANT_PROPOSAL, "no grant decision has been prepared for "
                    + caseName() + "; a case officer proposes it first");
        }
        Actor decider = decider(metaData, proposal.preparedBy());
        checkGrantRules(proposal.plan(), limits);
        reserve(appropriations, command.decisionDate(), proposal.grantedAmount());
        apply(new GrantDecided(caseId(), command.decisionNumber(), command.decisionDate(), proposal.plan(),
                proposal.grantedAmount(), proposal.totalBudget(), proposal.conditions(), proposal.preparedBy(),
                decider.user()));
    }

    private void checkGrantRules(FinancingPlan plan, FundingLimits limits) {
        ProjectPolicy.planIncludesRegionalFunding(plan, diaryNumber());
        ProjectPolicy.regionalShareWithinLimit(plan, limits, diaryNumber());
        ProjectPolicy.minimumMunicipalities(kind, municipalityCount, diaryNumber());
    }

    @CommandHandler
    public void handle(AmendGrant command, FundingLimits limits, AppropriationLedger appropriations,
                       MetaData metaData) {
        CasePolicy.requireApprover(Actor.from(metaData), "amend the grant of " + caseName());
        Require.text(command.decisionNumber(), "decisionNumber");
        Require.present(command.decisionDate(), "decisionDate");
        Require.text(command.reason(), "reason");
        if (command.plan() == null && command.period() == null) {
            throw new InvalidValue("empty-amendment",
                    "an amendment changes the plan, the period or both");
        }
        requireDecided("amend the grant of");
        CasePolicy.dateNotBeforeDecision("amendment", command.decisionDate(), decisionDate(), caseName());
        FinancingPlan newPlan = command.plan() == null ? plan : command.plan();
        ProjectPolicy.planIncludesRegionalFunding(newPlan, diaryNumber());
        ProjectPolicy.regionalShareWithinLimit(newPlan, limits, diaryNumber());
        ProjectPolicy.amendmentNotBelowPaid(newPlan.regional11(), netPaid().plus(returnedToState()), diaryNumber());
        if (newPlan.regional11().isGreaterThan(decided())) {
            reserve(appropriations, command.decisionDate(), newPlan.regional11().minus(decided()));
        } else {
            releaseSome(appropriations, decided().minus(newPlan.regional11()), command.decisionDate());
        }
        apply(new GrantAmended(caseId(), command.decisionNumber(), command.decisionDate(), newPlan,
                command.period() == null ? period : command.period(), newPlan.regional11(), plan.regional11(),
                newPlan.total(), command.reason()));
    }

    @CommandHandler
    public void handle(SubmitRequisition command) {
        Require.text(command.requisitionId(), "requisitionId");
        Require.present(command.period(), "period");
        Require.present(command.costs(), "costs");
        Require.present(command.submittedOn(), "submittedOn");
        Require.noneMissing(command.coFinancingReceived(), "coFinancingReceived");
        Require.positive(command.costs().total(), "costs");
        requireDecided("submit a requisition on");
        if (requisitions.containsKey(command.requisitionId())) {
            throw new StateConflict(Conflict.REQUISITION_ALREADY_SUBMITTED, "requisition " + command.requisitionId()
                    + " was already submitted on " + caseName());
        }
        ProjectPolicy.oneOpenRequisition(openRequisitionId, diaryNumber());
        CasePolicy.dateNotBeforeDecision("requisition", command.submittedOn(), decisionDate(), caseName());
        ProjectPolicy.requisitionWithinProjectPeriod(command.period(), period, diaryNumber());
        ProjectPolicy.inKindCostsNeedInKindFinancing(command.costs().of(CostCategory.IN_KIND), inKindReported(), plan,
                diaryNumber());
        apply(new RequisitionSubmitted(caseId(), command.requisitionId(), command.period(), command.costs(),
                command.costs().total(), command.coFinancingReceived() == null ? Map.of() : command.coFinancingReceived(),
                command.submittedOn()));
    }

    @CommandHandler
    public void handle(ApproveRequisition command, MetaData metaData) {
        Actor actor = CasePolicy.requireApprover(Actor.from(metaData), "approve a requisition");
        Require.present(command.decisionDate(), "decisionDate");
        Require.noneMissing(command.deductions(), "deductions");
        Requisition requisition = submittedRequisition(command.requisitionId(), "approve");
        List<Deduction> deductions = command.deductions() == null ? List.of() : List.copyOf(command.deductions());
        ReportedCosts approved = approvedAfter(requisition, deductions);
        Money payable = payableFor(approved.total());
        apply(new RequisitionApproved(caseId(), requisition.id(), command.decisionDate(), approved, approved.total(),
                deductions, payable, actor.user()));
    }

    @CommandHandler
    public void handle(RejectRequisition command, MetaData metaData) {
        CasePolicy.requireApprover(Actor.from(metaData), "reject a requisition");
        Require.present(command.decisionDate(), "decisionDate");
        Require.text(command.reason(), "reason");
        Requisition requisition = submittedRequisition(command.requisitionId(), "reject");
        apply(new RequisitionRejected(caseId(), requisition.id(), command.decisionDate(), command.reason()));
    }

    // --- the shared lifecycle, as a project has it --------------------------------------------------------------

    @Override
    protected SupportType caseType() {
        return SupportType.PROJECT;
    }

    @Override
    protected String caseName() {
        return "project " + diaryNumber();
    }

    /**
     * A requisition payment is within what its approved requisition made payable, and is not attested by the person
     * who approved the requisition; an advance is within the advance limits. Checked at proposal ({@code attester}
     * null) and again at attestation.
     */
    @Override
    protected void checkPayment(Payment payment, FundingLimits limits, Actor attester) {
        if (payment.type() == PaymentType.ADVANCE) {
            Money advances = advancesPaid().plus(attester == null ? pendingOfType(PaymentType.ADVANCE) : Money.ZERO);
            ProjectPolicy.advanceWithinLimits(payment.amount(), advances, decided(), limits, diaryNumber());
            return;
        }
        Require.text(payment.requisitionId(), "requisitionId");
        Requisition requisition = approvedRequisition(payment.requisitionId());
        if (attester != null) {
            ProjectPolicy.attesterDidNotApproveRequisition(attester.user(), requisition.approvedBy(), requisition.id());
        }
        Money paidBefore = requisition.paid().plus(attester == null ? pendingFor(requisition.id()) : Money.ZERO);
        ProjectPolicy.paymentWithinPayable(payment.amount(), requisition.payable(), paidBefore, requisition.id(),
                diaryNumber());
    }

    @Override
    protected void checkClosable() {
        if (openRequisitionId != null) {
            throw new StateConflict(Conflict.OPEN_REQUISITION, caseName() + " cannot be closed while requisition "
                    + openRequisitionId + " is open");
        }
        requisitions.values().stream().filter(Requisition::isUnpaid).findFirst().ifPresent(unpaid -> {
            throw new StateConflict(Conflict.APPROVED_REQUISITION_UNPAID, caseName()
                    + " cannot be closed while approved requisition " + unpaid.id() + " has "
                    + unpaid.payable().minus(unpaid.paid()) + " unpaid");
        });
    }

    @Override
    protected Object paymentProposed(Payment payment) {
        return new PaymentProposed(caseId(), payment.paymentId(), payment.type(), payment.requisitionId(),
                payment.amount(), payment.fund(), payment.paymentDate(), payment.reference(), payment.reason(),
                payment.proposedBy());
    }

    @Override
    protected Object paymentMade(Payment payment, String attestedBy) {
        return new PaymentMade(caseId(), payment.paymentId(), payment.type(), payment.requisitionId(),
                payment.amount(), payment.fund(), payment.paymentDate(), payment.reference(), payment.reason(),
                payment.proposedBy(), attestedBy);
    }

    @Override
    protected Object recoveryDecided(String recoveryId, LocalDate decisionDate, Money amount, String reason) {
        return new RecoveryDecided(caseId(), recoveryId, decisionDate, amount, reason);
    }

    @Override
    protected Object repaymentReceived(String recoveryId, Money amount, LocalDate receivedOn, String reference,
                                       Money creditedToFrame, Money returnedToState) {
        return new RepaymentReceived(caseId(), recoveryId, amount, receivedOn, reference, creditedToFrame,
                returnedToState);
    }

    @Override
    protected Object closed(LocalDate closedOn, Money released, String note) {
        return new ProjectClosed(caseId(), closedOn, released, note);
    }

    @Override
    protected Object withdrawn(LocalDate decisionDate, String reason, Money released) {
        return new GrantWithdrawn(caseId(), decisionDate, reason, released);
    }

    // --- what the rules need to know --------------------------------------------------------------------------

    private Money pendingOfType(PaymentType type) {
        return Money.sum(pendingPayments().values().stream()
                .filter(p -> p.type() == type).map(Payment::amount).toList());
    }

    private Money pendingFor(String requisitionId) {
        return Money.sum(pendingPayments().values().stream()
                .filter(p -> requisitionId.equals(p.requisitionId())).map(Payment::amount).toList());
    }

    private Requisition approvedRequisition(String requisitionId) {
        Requisition requisition = requisition(requisitionId);
        if (requisition.state() != Requisition.State.APPROVED) {
            throw new StateConflict(Conflict.REQUISITION_NOT_APPROVED, "requisition " + requisition.id() + " on "
                    + caseName() + " is " + requisition.state() + "; only an approved requisition can be paid");
        }
        return requisition;
    }

    private Money inKindReported() {
        return Money.sum(requisitions.values().stream()
                .filter(r -> r.state() != Requisition.State.REJECTED)
                .map(r -> r.reported().of(CostCategory.IN_KIND))
                .toList());
    }

    /**
     * The regional share of all costs approved so far (this requisition's included), less what advances and earlier
     * approved requisitions already cover net of what was repaid, and never more than the decision still holds
     * (docs/adr/0014: money repaid in the payment's year is back in the frame and may be paid again; money repaid
     * for an earlier year went to the state). Rounded down.
     */
    private Money payableFor(Money approvedNow) {
        Money approvedBefore = Money.sum(requisitions.values().stream()
                .filter(r -> r.state() == Requisition.State.APPROVED).map(Requisition::approvedTotal).toList());
        Money coveredBefore = advancesPaid().plus(Money.sum(requisitions.values().stream()
                .filter(r -> r.state() == Requisition.State.APPROVED).map(Requisition::payable).toList()))
                .minusOrZero(repaid());
        Money entitlement = approvedBefore.plus(approvedNow).timesFractionRoundedDown(plan.regional11(), plan.total());
        return entitlement.minusOrZero(coveredBefore)
                .min(decided().minusOrZero(coveredBefore.plus(returnedToState())));
    }

    private ReportedCosts approvedAfter(Requisition requisition, List<Deduction> deductions) {
        Map<CostCategory, Money> deducted = new EnumMap<>(CostCategory.class);
        deductions.forEach(d -> deducted.merge(d.category(), d.amount(), Money::plus));
        deducted.forEach((category, amount) -> ProjectPolicy.deductionWithinReportedCosts(category, amount,
                requisition.reported().of(category), requisition.id()));
        Map<CostCategory, Money> approved = new EnumMap<>(CostCategory.class);
        requisition.reported().byCategory().forEach((category, amount) ->
                approved.put(category, amount.minus(deducted.getOrDefault(category, Money.ZERO))));
        return new ReportedCosts(approved);
    }

    private Requisition requisition(String requisitionId) {
        Require.text(requisitionId, "requisitionId");
        Requisition requisition = requisitions.get(requisitionId);
        if (requisition == null) {
            throw new UnknownEntity("requisition", requisitionId, caseId());
        }
        return requisition;
    }

    private Requisition submittedRequisition(String requisitionId, String action) {
        Requisition requisition = requisition(requisitionId);
        if (requisition.state() != Requisition.State.SUBMITTED) {
            throw new StateConflict(Conflict.REQUISITION_ALREADY_DECIDED, "cannot " + action + " requisition " + requisitionId
                    + " on " + caseName() + ": it is already " + requisition.state());
        }
        return requisition;
    }

    // --- event sourcing: assignments only ---------------------------------------------------------------------

    @EventSourcingHandler
    void on(ProjectRegistered event) {
        recordedRegistration(event.projectId(), event.diaryNumber(), Fund.REGIONAL_1_1);
        kind = event.kind();
        municipalityCount = event.municipalities().size();
        period = event.period();
    }

    @EventSourcingHandler
    void on(GrantDecisionProposed event) {
        proposal = event;
    }

    @EventSourcingHandler
    void on(GrantDecided event) {
        plan = event.plan();
        proposal = null;
        recordedDecision(event.decisionDate(), event.grantedAmount());
    }

    @EventSourcingHandler
    void on(GrantAmended event) {
        recordedAmendment(event.decisionDate(), event.grantedAmount());
        plan = event.plan();
        period = event.period();
    }

    @EventSourcingHandler
    void on(PaymentProposed event) {
        recordedPaymentProposed(new Payment(event.paymentId(), event.type(), event.requisitionId(), event.amount(),
                event.fund(), event.paymentDate(), event.paymentReference(), event.reason(), event.proposedBy()));
    }

    @EventSourcingHandler
    void on(PaymentMade event) {
        recordedPaymentMade(event.paymentId(), event.type(), event.amount(), event.paymentDate());
        if (event.type() == PaymentType.REQUISITION) {
            requisitions.computeIfPresent(event.requisitionId(), (id, requisition) -> requisition.paid(event.amount()));
        }
    }

    @EventSourcingHandler
    void on(RequisitionSubmitted event) {
        requisitions.put(event.requisitionId(), Requisition.submitted(event.requisitionId(), event.costs()));
        openRequisitionId = event.requisitionId();
    }

    @EventSourcingHandler
    void on(RequisitionApproved event) {
        requisitions.computeIfPresent(event.requisitionId(),
                (id, requisition) -> requisition.approved(event.approvedTotal(), event.payableAmount(), event.approvedBy()));
        openRequisitionId = null;
    }

    @EventSourcingHandler
    void on(RequisitionRejected event) {
        requisitions.computeIfPresent(event.requisitionId(), (id, requisition) -> requisition.rejected());
        openRequisitionId = null;
    }

    @EventSourcingHandler
    void on(RecoveryDecided event) {
        recordedRecovery(event.recoveryId(), event.amount());
    }

    @EventSourcingHandler
    void on(RepaymentReceived event) {
        recordedRepayment(event.recoveryId(), event.amount(), event.receivedOn(), event.creditedToFrame());
    }

    @EventSourcingHandler
    void on(ProjectClosed event) {
        recordedClosure();
    }

    @EventSourcingHandler
    void on(GrantWithdrawn event) {
        recordedWithdrawal();
    }
}
