package se.region.grantledger.core.project;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CommandHandlerInterceptor;
import org.axonframework.spring.stereotype.Aggregate;
import se.region.grantledger.core.api.project.AmendGrant;
import se.region.grantledger.core.api.project.ApproveRequisition;
import se.region.grantledger.core.api.project.AttestPayment;
import se.region.grantledger.core.api.project.CloseProject;
import se.region.grantledger.core.api.project.DecideGrant;
import se.region.grantledger.core.api.project.DecideRecovery;
import se.region.grantledger.core.api.project.GrantAmended;
import se.region.grantledger.core.api.project.GrantDecisionProposed;
import se.region.grantledger.core.api.project.GrantDecided;
import se.region.grantledger.core.api.project.GrantWithdrawn;
import se.region.grantledger.core.api.project.PaymentMade;
import se.region.grantledger.core.api.project.PaymentProposed;
import se.region.grantledger.core.api.project.ProjectClosed;
import se.region.grantledger.core.api.project.ProjectRegistered;
import se.region.grantledger.core.api.project.ProposeAdvance;
import se.region.grantledger.core.api.project.ProposeGrantDecision;
import se.region.grantledger.core.api.project.ProposePayment;
import se.region.grantledger.core.api.project.RecoveryDecided;
import se.region.grantledger.core.api.project.RegisterProject;
import se.region.grantledger.core.api.project.RegisterRepayment;
import se.region.grantledger.core.api.project.RejectRequisition;
import se.region.grantledger.core.api.project.RepaymentReceived;
import se.region.grantledger.core.api.project.RequisitionApproved;
import se.region.grantledger.core.api.project.RequisitionRejected;
import se.region.grantledger.core.api.project.RequisitionSubmitted;
import se.region.grantledger.core.api.project.SubmitRequisition;
import se.region.grantledger.core.api.project.WithdrawGrant;
import se.region.grantledger.core.model.AppropriationKey;
import se.region.grantledger.core.appropriation.AppropriationLedger;
import se.region.grantledger.core.model.ReleaseReason;
import se.region.grantledger.core.appropriation.Reservations;
import se.region.grantledger.core.model.Actor;
import se.region.grantledger.core.model.CostCategory;
import se.region.grantledger.core.model.Deduction;
import se.region.grantledger.core.model.FinancingPlan;
import se.region.grantledger.core.model.Fund;
import se.region.grantledger.core.model.Money;
import se.region.grantledger.core.model.PaymentType;
import se.region.grantledger.core.model.Period;
import se.region.grantledger.core.model.ProjectKind;
import se.region.grantledger.core.model.ProjectStatus;
import se.region.grantledger.core.model.ReportedCosts;
import se.region.grantledger.core.model.SupportType;
import se.region.grantledger.core.rules.CaseRules;
import se.region.grantledger.core.rules.ExpectedVersion;
import se.region.grantledger.core.rules.FundingLimits;
import se.region.grantledger.core.rules.InvalidValue;
import se.region.grantledger.core.rules.Require;
import se.region.grantledger.core.rules.StateConflict;
import se.region.grantledger.core.rules.UnknownEntity;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A project grant (projektmedel), one event stream per project: registered, granted, paid by requisition,
 * closed. Command handlers check the rules and apply events; event-sourcing handlers only assign fields.
 * <p>
 * "Paid" here is net: payments made minus repayments received. A recovery that has been decided but not yet
 * repaid still counts as paid, because the money has not come back.
 * <p>
 * Four-eyes: a grant decision and every payment take two people. A case officer proposes, an approver decides or
 * attests; the aggregate reads who is who from the command's metadata ({@link Actor}) and refuses one person in
 * both steps, and an attester who approved the requisition being paid.
 * <p>
 * The appropriation frame: a decision reserves the 1:1 amount against the REGIONAL_1_1 frame of its decision
 * year, an amendment reserves or releases the difference, payments draw on the reservation, and closure or
 * withdrawal releases what is left ({@link AppropriationLedger}, docs/adr/0008).
 */
@Aggregate
public class Project {

    @AggregateIdentifier
    private String projectId;
    private String diaryNumber;
    private ProjectKind kind;
    private int municipalityCount;
    private Period period;
    private ProjectStatus status;
    private FinancingPlan plan;
    private LocalDate decisionDate;
    private Money paymentsMade = Money.ZERO;
    private Money repaid = Money.ZERO;
    private Money advancesPaid = Money.ZERO;
    private Money recoveriesDecided = Money.ZERO;
    private final Map<String, Requisition> requisitions = new LinkedHashMap<>();
    private final Map<String, Recovery> recoveries = new HashMap<>();
    private final Set<String> paymentIds = new HashSet<>();
    private String openRequisitionId;
    private GrantDecisionProposed proposal;
    private final Map<String, PaymentProposed> pendingPayments = new LinkedHashMap<>();
    private Reservations reservations = Reservations.NONE;

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
        CaseRules.diaryNumberUnique(diaryNumbers.claim(command.diaryNumber(), command.projectId()),
                command.diaryNumber());
        apply(new ProjectRegistered(command.projectId(), command.diaryNumber(), command.nypsCaseId(), command.title(),
                command.owner(), command.municipalities().stream().sorted().toList(), command.kind(),
                command.goalArea(), command.period()));
    }

    /** If the client said which version it last read (If-Match), the project must still be at it. */
    @CommandHandlerInterceptor
    void requireExpectedVersion(CommandMessage<?> command) {
        ExpectedVersion.check(command.getMetaData(), AggregateLifecycle.getVersion(), projectId);
    }

    @CommandHandler
    public void handle(ProposeGrantDecision command, FundingLimits limits, MetaData metaData) {
        Actor actor = Actor.from(metaData);
        Require.present(command.plan(), "plan");
        Require.noneMissing(command.conditions(), "conditions");
        requireUndecided();
        checkGrantRules(command.plan(), limits);
        List<String> conditions = command.conditions() == null ? List.of() : List.copyOf(command.conditions());
        apply(new GrantDecisionProposed(projectId, command.plan(), command.plan().regional11(), command.plan().total(),
                conditions, actor.user()));
    }

    @CommandHandler
    public void handle(DecideGrant command, FundingLimits limits, AppropriationLedger appropriations, MetaData metaData) {
        Actor actor = CaseRules.requireApprover(Actor.from(metaData), "decide a grant");
        Require.text(command.decisionNumber(), "decisionNumber");
        Require.present(command.decisionDate(), "decisionDate");
        requireUndecided();
        if (proposal == null) {
            throw new StateConflict("no-grant-proposal", "no grant decision has been prepared for project "
                    + diaryNumber + "; a case officer proposes it first");
        }
        CaseRules.deciderIsNotPreparer(actor.user(), proposal.preparedBy(), caseName());
        checkGrantRules(proposal.plan(), limits);
        appropriations.reserve(frameFor(command.decisionDate()), projectId, SupportType.PROJECT,
                proposal.grantedAmount(), command.decisionDate());
        apply(new GrantDecided(projectId, command.decisionNumber(), command.decisionDate(), proposal.plan(),
                proposal.grantedAmount(), proposal.totalBudget(), proposal.conditions(), proposal.preparedBy(),
                actor.user()));
    }

    private void checkGrantRules(FinancingPlan plan, FundingLimits limits) {
        ProjectRules.planIncludesRegionalFunding(plan, diaryNumber);
        ProjectRules.regionalShareWithinLimit(plan, limits, diaryNumber);
        ProjectRules.minimumMunicipalities(kind, municipalityCount, diaryNumber);
    }

    private void requireUndecided() {
        if (status != ProjectStatus.REGISTERED) {
            throw new StateConflict("grant-already-decided", "project " + diaryNumber + " is " + status
                    + "; a grant is decided once, later changes are amendments");
        }
    }

    @CommandHandler
    public void handle(AmendGrant command, FundingLimits limits, AppropriationLedger appropriations) {
        Require.text(command.decisionNumber(), "decisionNumber");
        Require.present(command.decisionDate(), "decisionDate");
        Require.text(command.reason(), "reason");
        if (command.plan() == null && command.period() == null) {
            throw new InvalidValue("empty-amendment",
                    "an amendment changes the plan, the period or both");
        }
        requireGranted("amend the grant of");
        CaseRules.dateNotBeforeDecision("amendment", command.decisionDate(), decisionDate, caseName());
        FinancingPlan newPlan = command.plan() == null ? plan : command.plan();
        ProjectRules.planIncludesRegionalFunding(newPlan, diaryNumber);
        ProjectRules.regionalShareWithinLimit(newPlan, limits, diaryNumber);
        ProjectRules.amendmentNotBelowPaid(newPlan.regional11(), netPaid(), diaryNumber);
        if (newPlan.regional11().isGreaterThan(granted())) {
            appropriations.reserve(frameFor(command.decisionDate()), projectId, SupportType.PROJECT,
                    newPlan.regional11().minus(granted()), command.decisionDate());
        } else {
            reservations.releasePlan(granted().minus(newPlan.regional11())).forEach(share -> appropriations.release(
                    share.appropriationId(), projectId, share.amount(), ReleaseReason.AMENDMENT, command.decisionDate()));
        }
        apply(new GrantAmended(projectId, command.decisionNumber(), command.decisionDate(), newPlan,
                command.period() == null ? period : command.period(), newPlan.regional11(), plan.regional11(),
                newPlan.total(), command.reason()));
    }

    @CommandHandler
    public void handle(ProposeAdvance command, FundingLimits limits, MetaData metaData) {
        Actor actor = Actor.from(metaData);
        Require.text(command.paymentId(), "paymentId");
        Require.positive(command.amount(), "amount");
        Require.present(command.fund(), "fund");
        Require.present(command.paymentDate(), "paymentDate");
        Require.text(command.paymentReference(), "paymentReference");
        Require.text(command.reason(), "reason");
        requireGranted("pay an advance to");
        requireNewPayment(command.paymentId());
        ProjectRules.paymentFromGrantFund(command.fund(), diaryNumber);
        CaseRules.dateNotBeforeDecision("advance", command.paymentDate(), decisionDate, caseName());
        CaseRules.cumulativePaymentsWithinGrant(command.amount(), netPaid().plus(pendingTotal()), granted(), caseName());
        ProjectRules.advanceWithinLimits(command.amount(), advancesPaid.plus(pendingAdvances()), granted(), limits,
                diaryNumber);
        apply(new PaymentProposed(projectId, command.paymentId(), PaymentType.ADVANCE, null, command.amount(),
                command.fund(), command.paymentDate(), command.paymentReference(), command.reason(), actor.user()));
    }

    @CommandHandler
    public void handle(SubmitRequisition command) {
        Require.text(command.requisitionId(), "requisitionId");
        Require.present(command.period(), "period");
        Require.present(command.costs(), "costs");
        Require.present(command.submittedOn(), "submittedOn");
        Require.noneMissing(command.coFinancingReceived(), "coFinancingReceived");
        Require.positive(command.costs().total(), "costs");
        requireGranted("submit a requisition on");
        if (requisitions.containsKey(command.requisitionId())) {
            throw new StateConflict("requisition-already-submitted",
                    "requisition " + command.requisitionId() + " was already submitted on project " + diaryNumber);
        }
        ProjectRules.oneOpenRequisition(openRequisitionId, diaryNumber);
        CaseRules.dateNotBeforeDecision("requisition", command.submittedOn(), decisionDate, caseName());
        ProjectRules.requisitionWithinProjectPeriod(command.period(), period, diaryNumber);
        ProjectRules.inKindCostsNeedInKindFinancing(command.costs().of(CostCategory.IN_KIND), inKindReported(), plan,
                diaryNumber);
        apply(new RequisitionSubmitted(projectId, command.requisitionId(), command.period(), command.costs(),
                command.costs().total(), command.coFinancingReceived() == null ? Map.of() : command.coFinancingReceived(),
                command.submittedOn()));
    }

    @CommandHandler
    public void handle(ApproveRequisition command, MetaData metaData) {
        Actor actor = CaseRules.requireApprover(Actor.from(metaData), "approve a requisition");
        Require.present(command.decisionDate(), "decisionDate");
        Require.noneMissing(command.deductions(), "deductions");
        Requisition requisition = submittedRequisition(command.requisitionId(), "approve");
        List<Deduction> deductions = command.deductions() == null ? List.of() : List.copyOf(command.deductions());
        ReportedCosts approved = approvedAfter(requisition, deductions);
        Money payable = payableFor(approved.total());
        apply(new RequisitionApproved(projectId, requisition.id(), command.decisionDate(), approved, approved.total(),
                deductions, payable, actor.user()));
    }

    @CommandHandler
    public void handle(RejectRequisition command) {
        Require.present(command.decisionDate(), "decisionDate");
        Require.text(command.reason(), "reason");
        Requisition requisition = submittedRequisition(command.requisitionId(), "reject");
        apply(new RequisitionRejected(projectId, requisition.id(), command.decisionDate(), command.reason()));
    }

    @CommandHandler
    public void handle(ProposePayment command, MetaData metaData) {
        Actor actor = Actor.from(metaData);
        Require.text(command.paymentId(), "paymentId");
        Require.text(command.requisitionId(), "requisitionId");
        Require.positive(command.amount(), "amount");
        Require.present(command.fund(), "fund");
        Require.present(command.paymentDate(), "paymentDate");
        Require.text(command.paymentReference(), "paymentReference");
        requireGranted("pay");
        requireNewPayment(command.paymentId());
        Requisition requisition = approvedRequisition(command.requisitionId());
        ProjectRules.paymentFromGrantFund(command.fund(), diaryNumber);
        CaseRules.dateNotBeforeDecision("payment", command.paymentDate(), decisionDate, caseName());
        CaseRules.cumulativePaymentsWithinGrant(command.amount(), netPaid().plus(pendingTotal()), granted(), caseName());
        ProjectRules.paymentWithinPayable(command.amount(), requisition.payable(),
                requisition.paid().plus(pendingFor(requisition.id())), requisition.id(), diaryNumber);
        apply(new PaymentProposed(projectId, command.paymentId(), PaymentType.REQUISITION, requisition.id(),
                command.amount(), command.fund(), command.paymentDate(), command.paymentReference(), null, actor.user()));
    }

    /** The rules are checked again at attestation: the grant may have been amended since the proposal. */
    @CommandHandler
    public void handle(AttestPayment command, FundingLimits limits, AppropriationLedger appropriations,
                       MetaData metaData) {
        Actor actor = CaseRules.requireApprover(Actor.from(metaData), "attest a payment");
        Require.text(command.paymentId(), "paymentId");
        requireGranted("pay");
        PaymentProposed proposed = pendingPayments.get(command.paymentId());
        if (proposed == null) {
            if (paymentIds.contains(command.paymentId())) {
                throw new StateConflict("payment-already-made", "payment " + command.paymentId()
                        + " was already attested on project " + diaryNumber);
            }
            throw new UnknownEntity("payment", command.paymentId(), projectId);
        }
        CaseRules.attesterIsNotProposer(actor.user(), proposed.proposedBy(), proposed.paymentId());
        CaseRules.cumulativePaymentsWithinGrant(proposed.amount(), netPaid(), granted(), caseName());
        if (proposed.type() == PaymentType.ADVANCE) {
            ProjectRules.advanceWithinLimits(proposed.amount(), advancesPaid, granted(), limits, diaryNumber);
        } else {
            Requisition requisition = approvedRequisition(proposed.requisitionId());
            ProjectRules.attesterDidNotApproveRequisition(actor.user(), requisition.approvedBy(), requisition.id());
            ProjectRules.paymentWithinPayable(proposed.amount(), requisition.payable(), requisition.paid(),
                    requisition.id(), diaryNumber);
        }
        reservations.drawPlan(proposed.amount()).forEach(share -> appropriations.draw(share.appropriationId(),
                projectId, share.amount(), proposed.paymentDate()));
        apply(new PaymentMade(projectId, proposed.paymentId(), proposed.type(), proposed.requisitionId(),
                proposed.amount(), proposed.fund(), proposed.paymentDate(), proposed.paymentReference(),
                proposed.reason(), proposed.proposedBy(), actor.user()));
    }

    @CommandHandler
    public void handle(DecideRecovery command) {
        Require.text(command.recoveryId(), "recoveryId");
        Require.present(command.decisionDate(), "decisionDate");
        Require.positive(command.amount(), "amount");
        Require.text(command.reason(), "reason");
        if (status == ProjectStatus.REGISTERED) {
            throw new StateConflict("no-grant-decided", "nothing has been granted to project " + diaryNumber
                    + ", so there is nothing to recover");
        }
        if (recoveries.containsKey(command.recoveryId())) {
            throw new StateConflict("recovery-already-decided", "recovery " + command.recoveryId()
                    + " was already decided on project " + diaryNumber);
        }
        CaseRules.recoveryWithinPaid(command.amount(), recoveriesDecided, paymentsMade, caseName());
        apply(new RecoveryDecided(projectId, command.recoveryId(), command.decisionDate(), command.amount(),
                command.reason()));
    }

    @CommandHandler
    public void handle(RegisterRepayment command) {
        Require.text(command.recoveryId(), "recoveryId");
        Require.positive(command.amount(), "amount");
        Require.present(command.receivedOn(), "receivedOn");
        Require.text(command.reference(), "reference");
        Recovery recovery = recoveries.get(command.recoveryId());
        if (recovery == null) {
            throw new UnknownEntity("recovery", command.recoveryId(), projectId);
        }
        CaseRules.repaymentWithinRecovery(command.amount(), recovery.owed(), recovery.id());
        apply(new RepaymentReceived(projectId, recovery.id(), command.amount(), command.receivedOn(),
                command.reference()));
    }

    @CommandHandler
    public void handle(CloseProject command, AppropriationLedger appropriations) {
        Require.present(command.closedOn(), "closedOn");
        requireGranted("close");
        if (openRequisitionId != null) {
            throw new StateConflict("open-requisition", "project " + diaryNumber + " cannot be closed while requisition "
                    + openRequisitionId + " is open");
        }
        if (!pendingPayments.isEmpty()) {
            throw new StateConflict("payment-awaiting-attestation", "project " + diaryNumber
                    + " cannot be closed while payment " + pendingPayments.keySet().iterator().next()
                    + " awaits attestation");
        }
        requisitions.values().stream().filter(Requisition::isUnpaid).findFirst().ifPresent(unpaid -> {
            throw new StateConflict("approved-requisition-unpaid", "project " + diaryNumber
                    + " cannot be closed while approved requisition " + unpaid.id() + " has "
                    + unpaid.payable().minus(unpaid.paid()) + " unpaid");
        });
        releaseAll(appropriations, ReleaseReason.CLOSURE, command.closedOn());
        apply(new ProjectClosed(projectId, command.closedOn(), granted().minusOrZero(netPaid()), command.note()));
    }

    @CommandHandler
    public void handle(WithdrawGrant command, AppropriationLedger appropriations) {
        Require.present(command.decisionDate(), "decisionDate");
        Require.text(command.reason(), "reason");
        requireGranted("withdraw the grant of");
        releaseAll(appropriations, ReleaseReason.WITHDRAWAL, command.decisionDate());
        apply(new GrantWithdrawn(projectId, command.decisionDate(), command.reason(), granted().minusOrZero(netPaid())));
    }

    // --- what the rules need to know --------------------------------------------------------------------------

    private String caseName() {
        return "project " + diaryNumber;
    }

    /** Project grants are 1:1 money, reserved in the frame of the year they are decided. */
    private static AppropriationKey frameFor(LocalDate decisionDate) {
        return AppropriationKey.forDecision(Fund.REGIONAL_1_1, decisionDate);
    }

    private void releaseAll(AppropriationLedger appropriations, ReleaseReason reason, LocalDate releasedOn) {
        reservations.releaseAllPlan().forEach(share -> appropriations.release(share.appropriationId(), projectId,
                share.amount(), reason, releasedOn));
    }

    private Money granted() {
        return plan.regional11();
    }

    private Money netPaid() {
        return paymentsMade.minusOrZero(repaid);
    }

    private Money pendingTotal() {
        return Money.sum(pendingPayments.values().stream().map(PaymentProposed::amount).toList());
    }

    private Money pendingAdvances() {
        return Money.sum(pendingPayments.values().stream()
                .filter(p -> p.type() == PaymentType.ADVANCE).map(PaymentProposed::amount).toList());
    }

    private Money pendingFor(String requisitionId) {
        return Money.sum(pendingPayments.values().stream()
                .filter(p -> requisitionId.equals(p.requisitionId())).map(PaymentProposed::amount).toList());
    }

    private Requisition approvedRequisition(String requisitionId) {
        Requisition requisition = requisition(requisitionId);
        if (requisition.state() != Requisition.State.APPROVED) {
            throw new StateConflict("requisition-not-approved", "requisition " + requisition.id() + " on project "
                    + diaryNumber + " is " + requisition.state() + "; only an approved requisition can be paid");
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
     * The regional share of all costs approved so far (this requisition's included), less what advances and
     * earlier approved requisitions already cover, and never more than the grant leaves. Rounded down.
     */
    private Money payableFor(Money approvedNow) {
        Money approvedBefore = Money.sum(requisitions.values().stream()
                .filter(r -> r.state() == Requisition.State.APPROVED).map(Requisition::approvedTotal).toList());
        Money coveredBefore = advancesPaid.plus(Money.sum(requisitions.values().stream()
                .filter(r -> r.state() == Requisition.State.APPROVED).map(Requisition::payable).toList()));
        Money entitlement = approvedBefore.plus(approvedNow).timesFractionRoundedDown(plan.regional11(), plan.total());
        return entitlement.minusOrZero(coveredBefore).min(granted().minusOrZero(coveredBefore));
    }

    private ReportedCosts approvedAfter(Requisition requisition, List<Deduction> deductions) {
        Map<CostCategory, Money> deducted = new EnumMap<>(CostCategory.class);
        deductions.forEach(d -> deducted.merge(d.category(), d.amount(), Money::plus));
        deducted.forEach((category, amount) -> ProjectRules.deductionWithinReportedCosts(category, amount,
                requisition.reported().of(category), requisition.id()));
        Map<CostCategory, Money> approved = new EnumMap<>(CostCategory.class);
        requisition.reported().byCategory().forEach((category, amount) ->
                approved.put(category, amount.minus(deducted.getOrDefault(category, Money.ZERO))));
        return new ReportedCosts(approved);
    }

    private void requireGranted(String action) {
        if (status != ProjectStatus.GRANTED) {
            throw new StateConflict(status == ProjectStatus.REGISTERED ? "no-grant-decided" : "project-" + status.name().toLowerCase(),
                    "cannot " + action + " project " + diaryNumber + ": it is " + status);
        }
    }

    private void requireNewPayment(String paymentId) {
        if (paymentIds.contains(paymentId) || pendingPayments.containsKey(paymentId)) {
            throw new StateConflict("payment-already-made", "payment " + paymentId + " was already made on project "
                    + diaryNumber);
        }
    }

    private Requisition requisition(String requisitionId) {
        Require.text(requisitionId, "requisitionId");
        Requisition requisition = requisitions.get(requisitionId);
        if (requisition == null) {
            throw new UnknownEntity("requisition", requisitionId, projectId);
        }
        return requisition;
    }

    private Requisition submittedRequisition(String requisitionId, String action) {
        Requisition requisition = requisition(requisitionId);
        if (requisition.state() != Requisition.State.SUBMITTED) {
            throw new StateConflict("requisition-already-decided", "cannot " + action + " requisition " + requisitionId
                    + " on project " + diaryNumber + ": it is already " + requisition.state());
        }
        return requisition;
    }

    // --- event sourcing: assignments only ---------------------------------------------------------------------

    @EventSourcingHandler
    void on(ProjectRegistered event) {
        projectId = event.projectId();
        diaryNumber = event.diaryNumber();
        kind = event.kind();
        municipalityCount = event.municipalities().size();
        period = event.period();
        status = ProjectStatus.REGISTERED;
    }

    @EventSourcingHandler
    void on(GrantDecisionProposed event) {
        proposal = event;
    }

    @EventSourcingHandler
    void on(GrantDecided event) {
        plan = event.plan();
        decisionDate = event.decisionDate();
        status = ProjectStatus.GRANTED;
        proposal = null;
        reservations = reservations.reserved(frameFor(event.decisionDate()).id(), event.grantedAmount());
    }

    @EventSourcingHandler
    void on(PaymentProposed event) {
        pendingPayments.put(event.paymentId(), event);
    }

    @EventSourcingHandler
    void on(GrantAmended event) {
        if (event.grantedAmount().isGreaterThan(event.previousGrantedAmount())) {
            reservations = reservations.reserved(frameFor(event.decisionDate()).id(),
                    event.grantedAmount().minus(event.previousGrantedAmount()));
        } else {
            reservations = reservations.without(reservations.releasePlan(
                    event.previousGrantedAmount().minus(event.grantedAmount())));
        }
        plan = event.plan();
        period = event.period();
    }

    @EventSourcingHandler
    void on(PaymentMade event) {
        pendingPayments.remove(event.paymentId());
        paymentIds.add(event.paymentId());
        reservations = reservations.without(reservations.drawPlan(event.amount()));
        paymentsMade = paymentsMade.plus(event.amount());
        if (event.type() == PaymentType.ADVANCE) {
            advancesPaid = advancesPaid.plus(event.amount());
        } else {
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
        recoveries.put(event.recoveryId(), new Recovery(event.recoveryId(), event.amount(), Money.ZERO));
        recoveriesDecided = recoveriesDecided.plus(event.amount());
    }

    @EventSourcingHandler
    void on(RepaymentReceived event) {
        recoveries.computeIfPresent(event.recoveryId(), (id, recovery) -> recovery.repaidFurther(event.amount()));
        repaid = repaid.plus(event.amount());
    }

    @EventSourcingHandler
    void on(ProjectClosed event) {
        status = ProjectStatus.CLOSED;
        reservations = Reservations.NONE;
    }

    @EventSourcingHandler
    void on(GrantWithdrawn event) {
        status = ProjectStatus.WITHDRAWN;
        reservations = Reservations.NONE;
    }
}
