package se.region.grantledger.core.support;

import se.region.grantledger.core.model.SupportStatus;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CommandHandlerInterceptor;
import se.region.grantledger.core.api.support.SupportCaseClosed;
import se.region.grantledger.core.api.support.SupportDecisionWithdrawn;
import se.region.grantledger.core.api.support.SupportPaymentMade;
import se.region.grantledger.core.api.support.SupportPaymentProposed;
import se.region.grantledger.core.api.support.SupportRecoveryDecided;
import se.region.grantledger.core.api.support.SupportRepaymentReceived;
import se.region.grantledger.core.model.AppropriationKey;
import se.region.grantledger.core.appropriation.AppropriationLedger;
import se.region.grantledger.core.model.ReleaseReason;
import se.region.grantledger.core.appropriation.Reservations;
import se.region.grantledger.core.model.Actor;
import se.region.grantledger.core.model.Fund;
import se.region.grantledger.core.model.Money;
import se.region.grantledger.core.model.SupportType;
import se.region.grantledger.core.rules.CaseRules;
import se.region.grantledger.core.rules.ExpectedVersion;
import se.region.grantledger.core.rules.Require;
import se.region.grantledger.core.rules.StateConflict;
import se.region.grantledger.core.rules.UnknownEntity;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * What business support and commercial-service support share once decided: one decided amount from one fund,
 * paid in one or more payments that one person proposes and another attests, recoveries and repayments,
 * closure and withdrawal, and the decision's reservation in the appropriation frame. The subclasses register
 * and decide, each with its own rules, and tell this class through {@link #reserveFrame} and {@link #decided}.
 * <p>
 * "Paid" is net, as for projects: payments made minus repayments received.
 */
public abstract class SupportCase {

    @AggregateIdentifier
    private String caseId;
    private String diaryNumber;
    private SupportStatus status;
    private Fund fund;
    private String registeredBy;
    private LocalDate decisionDate;
    private Money decidedAmount = Money.ZERO;
    private Money paymentsMade = Money.ZERO;
    private Money repaid = Money.ZERO;
    private Money recoveriesDecided = Money.ZERO;
    private final Map<String, SupportPaymentProposed> pendingPayments = new LinkedHashMap<>();
    private final Set<String> paymentIds = new HashSet<>();
    private final Map<String, Money> owedByRecovery = new HashMap<>();
    private Reservations reservations = Reservations.NONE;

    protected SupportCase() {
        // for Axon
    }

    protected abstract SupportType supportType();

    /** How messages name the case, e.g. "business support RV190212". */
    protected String caseName() {
        return switch (supportType()) {
            case BUSINESS_SUPPORT -> "business support " + diaryNumber;
            case COMMERCIAL_SERVICE -> "commercial-service grant " + diaryNumber;
            case PROJECT -> "project " + diaryNumber;
        };
    }

    /** If the client said which version it last read (If-Match), the case must still be at it. */
    @CommandHandlerInterceptor
    void requireExpectedVersion(CommandMessage<?> command) {
        ExpectedVersion.check(command.getMetaData(), AggregateLifecycle.getVersion(), caseId);
    }

    // --- for the subclasses' register and decide handlers ---------------------------------------------------

    protected String caseId() {
        return caseId;
    }

    protected Fund fund() {
        return fund;
    }

    protected void requireUndecided() {
        if (status != SupportStatus.REGISTERED) {
            throw new StateConflict("already-decided", caseName() + " is " + status + "; it is decided once");
        }
    }

    /** The decider is an approver, and not the person who registered and prepared the case. */
    protected Actor decider(MetaData metaData) {
        Actor actor = CaseRules.requireApprover(Actor.from(metaData), "decide " + caseName());
        CaseRules.deciderIsNotPreparer(actor.user(), registeredBy, caseName());
        return actor;
    }

    protected String registeredBy() {
        return registeredBy;
    }

    protected void reserveFrame(AppropriationLedger appropriations, LocalDate date, Money amount) {
        appropriations.reserve(AppropriationKey.forDecision(fund, date), caseId, supportType(), amount, date);
    }

    /** Subclasses call this from their registration's event-sourcing handler. */
    protected void registered(String id, String diary, Fund from, String by) {
        caseId = id;
        diaryNumber = diary;
        fund = from;
        registeredBy = by;
        status = SupportStatus.REGISTERED;
    }

    /** Subclasses call this from their decision's event-sourcing handler. */
    protected void decided(LocalDate date, Money amount) {
        decisionDate = date;
        decidedAmount = amount;
        status = SupportStatus.DECIDED;
        reservations = reservations.reserved(AppropriationKey.forDecision(fund, date).id(), amount);
    }

    // --- payments, shared -------------------------------------------------------------------------------------

    protected void proposePayment(String paymentId, Money amount, LocalDate paymentDate, String reference,
                                  MetaData metaData) {
        Actor actor = Actor.from(metaData);
        Require.text(paymentId, "paymentId");
        Require.positive(amount, "amount");
        Require.present(paymentDate, "paymentDate");
        Require.text(reference, "paymentReference");
        requireDecided("pay");
        if (paymentIds.contains(paymentId) || pendingPayments.containsKey(paymentId)) {
            throw new StateConflict("payment-already-made", "payment " + paymentId + " was already made on "
                    + caseName());
        }
        CaseRules.dateNotBeforeDecision("payment", paymentDate, decisionDate, caseName());
        CaseRules.cumulativePaymentsWithinGrant(amount, netPaid().plus(pendingTotal()), decidedAmount, caseName());
        apply(new SupportPaymentProposed(caseId, supportType(), paymentId, amount, fund, paymentDate, reference,
                actor.user()));
    }

    /** The rules are checked again at attestation, against what was paid since the proposal. */
    protected void attestPayment(String paymentId, AppropriationLedger appropriations, MetaData metaData) {
        Actor actor = CaseRules.requireApprover(Actor.from(metaData), "attest a payment");
        Require.text(paymentId, "paymentId");
        requireDecided("pay");
        SupportPaymentProposed proposed = pendingPayments.get(paymentId);
        if (proposed == null) {
            if (paymentIds.contains(paymentId)) {
                throw new StateConflict("payment-already-made", "payment " + paymentId + " was already attested on "
                        + caseName());
            }
            throw new UnknownEntity("payment", paymentId, caseId);
        }
        CaseRules.attesterIsNotProposer(actor.user(), proposed.proposedBy(), paymentId);
        CaseRules.cumulativePaymentsWithinGrant(proposed.amount(), netPaid(), decidedAmount, caseName());
        reservations.drawPlan(proposed.amount()).forEach(share -> appropriations.draw(share.appropriationId(), caseId,
                share.amount(), proposed.paymentDate()));
        apply(new SupportPaymentMade(caseId, supportType(), paymentId, proposed.amount(), proposed.fund(),
                proposed.paymentDate(), proposed.paymentReference(), proposed.proposedBy(), actor.user()));
    }

    protected void decideRecovery(String recoveryId, LocalDate date, Money amount, String reason, MetaData metaData) {
        CaseRules.requireApprover(Actor.from(metaData), "decide a recovery");
        Require.text(recoveryId, "recoveryId");
        Require.present(date, "decisionDate");
        Require.positive(amount, "amount");
        Require.text(reason, "reason");
        if (status == SupportStatus.REGISTERED) {
            throw new StateConflict("not-decided", "nothing has been decided on " + caseName()
                    + ", so there is nothing to recover");
        }
        if (owedByRecovery.containsKey(recoveryId)) {
            throw new StateConflict("recovery-already-decided", "recovery " + recoveryId + " was already decided on "
                    + caseName());
        }
        CaseRules.recoveryWithinPaid(amount, recoveriesDecided, paymentsMade, caseName());
        apply(new SupportRecoveryDecided(caseId, supportType(), recoveryId, date, amount, reason));
    }

    protected void registerRepayment(String recoveryId, Money amount, LocalDate receivedOn, String reference) {
        Require.text(recoveryId, "recoveryId");
        Require.positive(amount, "amount");
        Require.present(receivedOn, "receivedOn");
        Require.text(reference, "reference");
        Money owed = owedByRecovery.get(recoveryId);
        if (owed == null) {
            throw new UnknownEntity("recovery", recoveryId, caseId);
        }
        CaseRules.repaymentWithinRecovery(amount, owed, recoveryId);
        apply(new SupportRepaymentReceived(caseId, supportType(), recoveryId, amount, receivedOn, reference));
    }

    protected void close(LocalDate closedOn, String note, AppropriationLedger appropriations, MetaData metaData) {
        CaseRules.requireApprover(Actor.from(metaData), "close " + caseName());
        Require.present(closedOn, "closedOn");
        requireDecided("close");
        if (!pendingPayments.isEmpty()) {
            throw new StateConflict("payment-awaiting-attestation", caseName() + " cannot be closed while payment "
                    + pendingPayments.keySet().iterator().next() + " awaits attestation");
        }
        releaseAll(appropriations, ReleaseReason.CLOSURE, closedOn);
        apply(new SupportCaseClosed(caseId, supportType(), closedOn, decidedAmount.minusOrZero(netPaid()), note));
    }

    protected void withdraw(LocalDate date, String reason, AppropriationLedger appropriations, MetaData metaData) {
        CaseRules.requireApprover(Actor.from(metaData), "withdraw " + caseName());
        Require.present(date, "decisionDate");
        Require.text(reason, "reason");
        requireDecided("withdraw");
        CaseRules.dateNotBeforeDecision("withdrawal", date, decisionDate, caseName());
        releaseAll(appropriations, ReleaseReason.WITHDRAWAL, date);
        apply(new SupportDecisionWithdrawn(caseId, supportType(), date, reason,
                decidedAmount.minusOrZero(netPaid())));
    }

    private void releaseAll(AppropriationLedger appropriations, ReleaseReason reason, LocalDate releasedOn) {
        reservations.releaseAllPlan().forEach(share -> appropriations.release(share.appropriationId(), caseId,
                share.amount(), reason, releasedOn));
    }

    private void requireDecided(String action) {
        if (status != SupportStatus.DECIDED) {
            throw new StateConflict(status == SupportStatus.REGISTERED ? "not-decided" : "case-" + status.name().toLowerCase(),
                    "cannot " + action + " " + caseName() + ": it is " + status);
        }
    }

    private Money netPaid() {
        return paymentsMade.minusOrZero(repaid);
    }

    private Money pendingTotal() {
        return Money.sum(pendingPayments.values().stream().map(SupportPaymentProposed::amount).toList());
    }

    // --- event sourcing: assignments only ---------------------------------------------------------------------

    @EventSourcingHandler
    void on(SupportPaymentProposed event) {
        pendingPayments.put(event.paymentId(), event);
    }

    @EventSourcingHandler
    void on(SupportPaymentMade event) {
        pendingPayments.remove(event.paymentId());
        paymentIds.add(event.paymentId());
        paymentsMade = paymentsMade.plus(event.amount());
        reservations = reservations.without(reservations.drawPlan(event.amount()));
    }

    @EventSourcingHandler
    void on(SupportRecoveryDecided event) {
        owedByRecovery.put(event.recoveryId(), event.amount());
        recoveriesDecided = recoveriesDecided.plus(event.amount());
    }

    @EventSourcingHandler
    void on(SupportRepaymentReceived event) {
        owedByRecovery.computeIfPresent(event.recoveryId(), (id, owed) -> owed.minus(event.amount()));
        repaid = repaid.plus(event.amount());
    }

    @EventSourcingHandler
    void on(SupportCaseClosed event) {
        status = SupportStatus.CLOSED;
        reservations = Reservations.NONE;
    }

    @EventSourcingHandler
    void on(SupportDecisionWithdrawn event) {
        status = SupportStatus.WITHDRAWN;
        reservations = Reservations.NONE;
    }
}
