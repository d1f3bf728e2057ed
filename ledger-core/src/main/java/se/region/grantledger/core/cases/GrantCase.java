package se.region.grantledger.core.cases;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CommandHandlerInterceptor;
import org.axonframework.spring.stereotype.Aggregate;
import se.region.grantledger.core.api.cases.AttestPayment;
import se.region.grantledger.core.api.cases.CloseCase;
import se.region.grantledger.core.api.cases.DecideRecovery;
import se.region.grantledger.core.api.cases.ExpectedCaseType;
import se.region.grantledger.core.api.cases.ProposeAdvance;
import se.region.grantledger.core.api.cases.ProposePayment;
import se.region.grantledger.core.api.cases.RegisterRepayment;
import se.region.grantledger.core.api.cases.WithdrawDecision;
import se.region.grantledger.core.appropriation.AppropriationLedger;
import se.region.grantledger.core.appropriation.Draws;
import se.region.grantledger.core.appropriation.Draws.Returned;
import se.region.grantledger.core.appropriation.Reservations;
import se.region.grantledger.core.model.Actor;
import se.region.grantledger.core.model.AppropriationKey;
import se.region.grantledger.core.model.Fund;
import se.region.grantledger.core.model.Money;
import se.region.grantledger.core.model.PaymentType;
import se.region.grantledger.core.model.ReleaseReason;
import se.region.grantledger.core.model.SupportType;
import se.region.grantledger.core.rules.CasePolicy;
import se.region.grantledger.core.rules.Conflict;
import se.region.grantledger.core.rules.ExpectedVersion;
import se.region.grantledger.core.rules.FundingLimits;
import se.region.grantledger.core.rules.Require;
import se.region.grantledger.core.rules.StateConflict;
import se.region.grantledger.core.rules.UnknownEntity;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The life every grant case shares once decided, written once (docs/adr/0013): payments proposed by one person
 * and attested by another, advances where the case type allows them, recoveries and repayments, closure and
 * withdrawal, and the decision's reservation in its fund's appropriation frame. Projects, business support and
 * commercial service are subtypes of this one Axon aggregate (polymorphic aggregates); each keeps only what is
 * its own: registration and decision, a project's requisitions and financing plan, de minimis, the net-cost share.
 * <p>
 * "Paid" is net: payments made minus repayments received. A recovery decided but not yet repaid still counts as
 * paid, because the money has not come back.
 * <p>
 * The shared events are stored in each case type's own vocabulary (a project's {@code PaymentMade}, a support
 * case's {@code SupportPaymentMade}): ten years of history and the reports read them so. The subtypes say which
 * event records each step ({@link #paymentProposed} and the others) and report the events back through the
 * {@code recorded…} methods from their event-sourcing handlers.
 */
@Aggregate(cache = "aggregateCache")
public abstract class GrantCase {

    private enum Stage { REGISTERED, DECIDED, CLOSED, WITHDRAWN }

    @AggregateIdentifier
    private String caseId;
    private String diaryNumber;
    private Stage stage;
    private Fund fund;
    private LocalDate decisionDate;
    private Money decided = Money.ZERO;
    private Money paymentsMade = Money.ZERO;
    private Money repaid = Money.ZERO;
    private Money advancesPaid = Money.ZERO;
    private Money recoveriesDecided = Money.ZERO;
    private final Map<String, Payment> pendingPayments = new LinkedHashMap<>();
    private final Set<String> paymentIds = new HashSet<>();
    private final Map<String, Money> owedByRecovery = new HashMap<>();
    private Reservations reservations = Reservations.NONE;
    private Draws draws = Draws.NONE;
    private Money returnedToState = Money.ZERO;

    protected GrantCase() {
        // for Axon: the aggregate is rebuilt from its events
    }

    /** A payment as the lifecycle sees it, whichever event recorded it. {@code requisitionId} only on projects. */
    public record Payment(String paymentId, PaymentType type, String requisitionId, Money amount, Fund fund,
                             LocalDate paymentDate, String reference, String reason, String proposedBy) {
    }

    // --- what each kind of case says about itself ---------------------------------------------------------------

    protected abstract SupportType caseType();

    /** How messages name the case, e.g. "project RV190046" or "business support RV190212". */
    protected abstract String caseName();

    /** A project checks the requisition or the advance a payment pays; support cases have neither. */
    protected abstract void checkPayment(Payment payment, FundingLimits limits, Actor attester);

    /** What else must be settled before the case closes (a project's open requisitions). */
    protected void checkClosable() {
    }

    protected abstract Object paymentProposed(Payment payment);

    protected abstract Object paymentMade(Payment payment, String attestedBy);

    protected abstract Object recoveryDecided(String recoveryId, LocalDate decisionDate, Money amount, String reason);

    protected abstract Object repaymentReceived(String recoveryId, Money amount, LocalDate receivedOn, String reference,
                                                Money creditedToFrame, Money returnedToState);

    protected abstract Object closed(LocalDate closedOn, Money released, String note);

    protected abstract Object withdrawn(LocalDate decisionDate, String reason, Money released);

    // --- checked on every command -------------------------------------------------------------------------------

    /**
     * If the client said which version it last read (If-Match), the case must still be at it; if the request's path
     * named a kind of case, the case must be of that kind.
     */
    @CommandHandlerInterceptor
    void requireExpectedVersionAndType(CommandMessage<?> command) {
        ExpectedVersion.check(command.getMetaData(), AggregateLifecycle.getVersion(), caseId);
        Object expectedType = command.getMetaData().get(ExpectedCaseType.METADATA_KEY);
        if (expectedType != null && !caseType().name().equals(expectedType)) {
            throw UnknownEntity.caseOf(String.valueOf(expectedType), caseId);
        }
    }

    // --- the shared commands ------------------------------------------------------------------------------------

    @CommandHandler
    public void handle(ProposePayment command, FundingLimits limits, MetaData metaData) {
        Actor actor = Actor.from(metaData);
        requirePaymentFields(command.paymentId(), command.amount(), command.paymentDate(), command.paymentReference());
        PaymentType type = command.requisitionId() == null ? PaymentType.INSTALMENT : PaymentType.REQUISITION;
        propose(new Payment(command.paymentId(), type, command.requisitionId(), command.amount(),
                command.fund() == null ? fund : command.fund(), command.paymentDate(), command.paymentReference(), null,
                actor.user()), limits);
    }

    @CommandHandler
    public void handle(ProposeAdvance command, FundingLimits limits, MetaData metaData) {
        Actor actor = Actor.from(metaData);
        requirePaymentFields(command.paymentId(), command.amount(), command.paymentDate(), command.paymentReference());
        Require.text(command.reason(), "reason");
        propose(new Payment(command.paymentId(), PaymentType.ADVANCE, null, command.amount(),
                command.fund() == null ? fund : command.fund(), command.paymentDate(), command.paymentReference(),
                command.reason(), actor.user()), limits);
    }

    private static void requirePaymentFields(String paymentId, Money amount, LocalDate paymentDate, String reference) {
        Require.text(paymentId, "paymentId");
        Require.positive(amount, "amount");
        Require.present(paymentDate, "paymentDate");
        Require.text(reference, "paymentReference");
    }

    private void propose(Payment payment, FundingLimits limits) {
        requireDecided("pay");
        if (paymentIds.contains(payment.paymentId()) || pendingPayments.containsKey(payment.paymentId())) {
            throw new StateConflict(Conflict.PAYMENT_ALREADY_MADE, "payment " + payment.paymentId()
                    + " was already made on " + caseName());
        }
        CasePolicy.paymentFromGrantFund(payment.fund(), fund, caseName());
        CasePolicy.dateNotBeforeDecision(payment.type() == PaymentType.ADVANCE ? "advance" : "payment",
                payment.paymentDate(), decisionDate, caseName());
        CasePolicy.cumulativePaymentsWithinGrant(payment.amount(), netPaid().plus(pendingTotal()), returnedToState,
                decided, caseName());
        checkPayment(payment, limits, null);
        apply(paymentProposed(payment));
    }

    /** The rules are checked again at attestation: the decision may have been amended since the proposal. */
    @CommandHandler
    public void handle(AttestPayment command, FundingLimits limits, AppropriationLedger appropriations,
                       MetaData metaData) {
        Actor actor = CasePolicy.requireApprover(Actor.from(metaData), "attest a payment");
        Require.text(command.paymentId(), "paymentId");
        requireDecided("pay");
        Payment proposed = pendingPayments.get(command.paymentId());
        if (proposed == null) {
            if (paymentIds.contains(command.paymentId())) {
                throw new StateConflict(Conflict.PAYMENT_ALREADY_MADE, "payment " + command.paymentId()
                        + " was already attested on " + caseName());
            }
            throw new UnknownEntity("payment", command.paymentId(), caseId);
        }
        CasePolicy.attesterIsNotProposer(actor.user(), proposed.proposedBy(), proposed.paymentId());
        CasePolicy.cumulativePaymentsWithinGrant(proposed.amount(), netPaid(), returnedToState, decided, caseName());
        checkPayment(proposed, limits, actor);
        reservations.drawPlan(proposed.amount()).forEach(share -> appropriations.draw(share.appropriationId(), caseId,
                share.amount(), proposed.paymentDate()));
        apply(paymentMade(proposed, actor.user()));
    }

    @CommandHandler
    public void handle(DecideRecovery command, MetaData metaData) {
        CasePolicy.requireApprover(Actor.from(metaData), "decide a recovery on " + caseName());
        Require.text(command.recoveryId(), "recoveryId");
        Require.present(command.decisionDate(), "decisionDate");
        Require.positive(command.amount(), "amount");
        Require.text(command.reason(), "reason");
        if (stage == Stage.REGISTERED) {
            throw new StateConflict(Conflict.NOT_DECIDED, "nothing has been decided on " + caseName()
                    + ", so there is nothing to recover");
        }
        if (owedByRecovery.containsKey(command.recoveryId())) {
            throw new StateConflict(Conflict.RECOVERY_ALREADY_DECIDED, "recovery " + command.recoveryId()
                    + " was already decided on " + caseName());
        }
        CasePolicy.recoveryWithinPaid(command.amount(), recoveriesDecided, paymentsMade, caseName());
        apply(recoveryDecided(command.recoveryId(), command.decisionDate(), command.amount(), command.reason()));
    }

    /**
     * The repayment returns the case's most recent draws first: what returns a payment of its own budget year goes
     * back to the frame it was drawn from, what returns an earlier year's goes to the state (docs/adr/0014).
     */
    @CommandHandler
    public void handle(RegisterRepayment command, AppropriationLedger appropriations) {
        Require.text(command.recoveryId(), "recoveryId");
        Require.positive(command.amount(), "amount");
        Require.present(command.receivedOn(), "receivedOn");
        Require.text(command.reference(), "reference");
        Money owed = owedByRecovery.get(command.recoveryId());
        if (owed == null) {
            throw new UnknownEntity("recovery", command.recoveryId(), caseId);
        }
        CasePolicy.repaymentWithinRecovery(command.amount(), owed, command.recoveryId());
        List<Returned> plan = draws.returnPlan(command.amount(), command.receivedOn().getYear());
        plan.stream().filter(part -> part.appropriationId() != null).forEach(part -> {
            if (part.credited()) {
                appropriations.credit(part.appropriationId(), caseId, part.amount(), command.receivedOn(),
                        stage == Stage.DECIDED);
            } else {
                appropriations.returnToState(part.appropriationId(), caseId, part.amount(), command.receivedOn());
            }
        });
        apply(repaymentReceived(command.recoveryId(), command.amount(), command.receivedOn(), command.reference(),
                Draws.credited(plan), Draws.toState(plan)));
    }

    @CommandHandler
    public void handle(CloseCase command, AppropriationLedger appropriations, MetaData metaData) {
        CasePolicy.requireApprover(Actor.from(metaData), "close " + caseName());
        Require.present(command.closedOn(), "closedOn");
        requireDecided("close");
        if (!pendingPayments.isEmpty()) {
            throw new StateConflict(Conflict.PAYMENT_AWAITING_ATTESTATION, caseName() + " cannot be closed while"
                    + " payment " + pendingPayments.keySet().iterator().next() + " awaits attestation");
        }
        checkClosable();
        releaseAll(appropriations, ReleaseReason.CLOSURE, command.closedOn());
        apply(closed(command.closedOn(), remaining(), command.note()));
    }

    @CommandHandler
    public void handle(WithdrawDecision command, AppropriationLedger appropriations, MetaData metaData) {
        CasePolicy.requireApprover(Actor.from(metaData), "withdraw the decision on " + caseName());
        Require.present(command.decisionDate(), "decisionDate");
        Require.text(command.reason(), "reason");
        requireDecided("withdraw the decision on");
        CasePolicy.dateNotBeforeDecision("withdrawal", command.decisionDate(), decisionDate, caseName());
        releaseAll(appropriations, ReleaseReason.WITHDRAWAL, command.decisionDate());
        apply(withdrawn(command.decisionDate(), command.reason(), remaining()));
    }

    // --- for the subtypes' own commands -------------------------------------------------------------------------

    protected String caseId() {
        return caseId;
    }

    protected String diaryNumber() {
        return diaryNumber;
    }

    protected Fund fund() {
        return fund;
    }

    protected LocalDate decisionDate() {
        return decisionDate;
    }

    /** The decided amount of the case's fund (for a project, the plan's 1:1 amount as last amended). */
    protected Money decided() {
        return decided;
    }

    protected Money netPaid() {
        return paymentsMade.minusOrZero(repaid);
    }

    /** Repaid for earlier budget years: gone to the state, not back to any frame, so not to be paid again. */
    protected Money returnedToState() {
        return returnedToState;
    }

    /**
     * What the decision still holds in its frames: decided, less net paid, less what went to the state. It equals
     * the case's reservations; closure and withdrawal release exactly this.
     */
    protected Money remaining() {
        return decided.minusOrZero(netPaid().plus(returnedToState));
    }

    /** Everything repaid on recoveries, wherever it went. */
    protected Money repaid() {
        return repaid;
    }

    protected Money advancesPaid() {
        return advancesPaid;
    }

    protected Map<String, Payment> pendingPayments() {
        return pendingPayments;
    }

    protected void requireUndecided() {
        if (stage != Stage.REGISTERED) {
            throw new StateConflict(Conflict.ALREADY_DECIDED, caseName() + " is " + stage
                    + "; a decision is made once, later changes are amendments");
        }
    }

    protected void requireDecided(String action) {
        if (stage == Stage.DECIDED) {
            return;
        }
        Conflict conflict = stage == Stage.REGISTERED ? Conflict.NOT_DECIDED
                : stage == Stage.CLOSED ? Conflict.CASE_CLOSED : Conflict.CASE_WITHDRAWN;
        throw new StateConflict(conflict, "cannot " + action + " " + caseName() + ": it is " + stage);
    }

    /** The decider is an approver, and not the person who prepared the decision. */
    protected Actor decider(MetaData metaData, String preparedBy) {
        Actor actor = CasePolicy.requireApprover(Actor.from(metaData), "decide " + caseName());
        CasePolicy.deciderIsNotPreparer(actor.user(), preparedBy, caseName());
        return actor;
    }

    /** A decision (or an amendment that raises it) reserves its amount in the fund's frame of its year. */
    protected void reserve(AppropriationLedger appropriations, LocalDate date, Money amount) {
        appropriations.reserve(AppropriationKey.forDecision(fund, date), caseId, caseType(), amount, date);
    }

    /** An amendment that lowers the decision gives back, newest reservation first. */
    protected void releaseSome(AppropriationLedger appropriations, Money amount, LocalDate releasedOn) {
        reservations.releasePlan(amount).forEach(share -> appropriations.release(share.appropriationId(), caseId,
                share.amount(), ReleaseReason.AMENDMENT, releasedOn));
    }

    private void releaseAll(AppropriationLedger appropriations, ReleaseReason reason, LocalDate releasedOn) {
        reservations.releaseAllPlan().forEach(share -> appropriations.release(share.appropriationId(), caseId,
                share.amount(), reason, releasedOn));
    }

    private Money pendingTotal() {
        return Money.sum(pendingPayments.values().stream().map(Payment::amount).toList());
    }

    // --- event sourcing: the subtypes' handlers report here; assignments only -----------------------------------

    protected void recordedRegistration(String id, String diary, Fund from) {
        caseId = id;
        diaryNumber = diary;
        fund = from;
        stage = Stage.REGISTERED;
    }

    protected void recordedDecision(LocalDate date, Money amount) {
        decisionDate = date;
        decided = amount;
        stage = Stage.DECIDED;
        reservations = reservations.reserved(AppropriationKey.forDecision(fund, date).id(), amount);
    }

    protected void recordedAmendment(LocalDate date, Money amount) {
        if (amount.isGreaterThan(decided)) {
            reservations = reservations.reserved(AppropriationKey.forDecision(fund, date).id(), amount.minus(decided));
        } else {
            reservations = reservations.without(reservations.releasePlan(decided.minus(amount)));
        }
        decided = amount;
    }

    protected void recordedPaymentProposed(Payment payment) {
        pendingPayments.put(payment.paymentId(), payment);
    }

    protected void recordedPaymentMade(String paymentId, PaymentType type, Money amount, LocalDate paymentDate) {
        pendingPayments.remove(paymentId);
        paymentIds.add(paymentId);
        paymentsMade = paymentsMade.plus(amount);
        List<Reservations.Share> drawn = reservations.drawPlan(amount);
        draws = draws.drawn(drawn, paymentDate.getYear());
        reservations = reservations.without(drawn);
        if (type == PaymentType.ADVANCE) {
            advancesPaid = advancesPaid.plus(amount);
        }
    }

    protected void recordedRecovery(String recoveryId, Money amount) {
        owedByRecovery.put(recoveryId, amount);
        recoveriesDecided = recoveriesDecided.plus(amount);
    }

    /**
     * {@code creditedToFrame} null: a repayment recorded before repayments reached the frames (revision 1); no frame
     * took it back then, so it is read as returned to the state.
     */
    protected void recordedRepayment(String recoveryId, Money amount, LocalDate receivedOn, Money creditedToFrame) {
        owedByRecovery.computeIfPresent(recoveryId, (id, owed) -> owed.minus(amount));
        repaid = repaid.plus(amount);
        List<Returned> plan = draws.returnPlan(amount, receivedOn.getYear());
        if (creditedToFrame == null) {
            plan = plan.stream().map(part -> new Returned(part.appropriationId(), part.amount(), false)).toList();
        }
        draws = draws.without(plan);
        returnedToState = returnedToState.plus(Draws.toState(plan));
        if (stage == Stage.DECIDED) {
            plan.stream().filter(Returned::credited).forEach(part ->
                    reservations = reservations.reserved(part.appropriationId(), part.amount()));
        }
    }

    protected void recordedClosure() {
        stage = Stage.CLOSED;
        reservations = Reservations.NONE;
    }

    protected void recordedWithdrawal() {
        stage = Stage.WITHDRAWN;
        reservations = Reservations.NONE;
    }
}
