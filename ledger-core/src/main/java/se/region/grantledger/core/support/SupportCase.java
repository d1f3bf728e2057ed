package se.region.grantledger.core.support;

import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import se.region.grantledger.core.api.support.SupportCaseClosed;
import se.region.grantledger.core.api.support.SupportDecisionWithdrawn;
import se.region.grantledger.core.api.support.SupportPaymentMade;
import se.region.grantledger.core.api.support.SupportPaymentProposed;
import se.region.grantledger.core.api.support.SupportRecoveryDecided;
import se.region.grantledger.core.api.support.SupportRepaymentReceived;
import se.region.grantledger.core.cases.GrantCase;
import se.region.grantledger.core.model.Actor;
import se.region.grantledger.core.model.Fund;
import se.region.grantledger.core.model.Money;
import se.region.grantledger.core.model.PaymentType;
import se.region.grantledger.core.rules.Conflict;
import se.region.grantledger.core.rules.FundingLimits;
import se.region.grantledger.core.rules.InvalidValue;
import se.region.grantledger.core.rules.Require;
import se.region.grantledger.core.rules.StateConflict;

import java.time.LocalDate;

/**
 * What business support and commercial service share beyond {@link GrantCase}: one decided amount paid in
 * instalments, no requisitions and no advances, the person who registered the case kept from deciding it, and the
 * support cases' own event vocabulary ({@code SupportPaymentMade} and the others, with the case type in them).
 */
public abstract class SupportCase extends GrantCase {

    private String registeredBy;

    protected SupportCase() {
        // for Axon
    }

    /**
     * What every support decision checks before its own rules: the decider is an approver and not the person who
     * registered and prepared the case, the decision has a number, a date and an amount, and it is the first.
     */
    protected Actor decision(MetaData metaData, String decisionNumber, LocalDate decisionDate, Money amount) {
        Actor decider = decider(metaData, registeredBy);
        Require.text(decisionNumber, "decisionNumber");
        Require.present(decisionDate, "decisionDate");
        Require.positive(amount, "amount");
        requireUndecided();
        return decider;
    }

    protected String registeredBy() {
        return registeredBy;
    }

    @Override
    protected String caseName() {
        return switch (caseType()) {
            case BUSINESS_SUPPORT -> "business support " + diaryNumber();
            case COMMERCIAL_SERVICE -> "commercial-service grant " + diaryNumber();
            case PROJECT -> "project " + diaryNumber();
        };
    }

    /** Paid in instalments of the decision: no requisitions, no advances. */
    @Override
    protected void checkPayment(Payment payment, FundingLimits limits, Actor attester) {
        if (payment.type() == PaymentType.REQUISITION) {
            throw new InvalidValue("no-requisitions", caseName() + " is paid in instalments of its decision;"
                    + " requisitions belong to project grants");
        }
        if (payment.type() == PaymentType.ADVANCE) {
            throw new StateConflict(Conflict.ADVANCE_NOT_ALLOWED, caseName() + " is paid in instalments of its"
                    + " decision; advances belong to project grants");
        }
    }

    @Override
    protected Object paymentProposed(Payment payment) {
        return new SupportPaymentProposed(caseId(), caseType(), payment.paymentId(), payment.amount(), payment.fund(),
                payment.paymentDate(), payment.reference(), payment.proposedBy());
    }

    @Override
    protected Object paymentMade(Payment payment, String attestedBy) {
        return new SupportPaymentMade(caseId(), caseType(), payment.paymentId(), payment.amount(), payment.fund(),
                payment.paymentDate(), payment.reference(), payment.proposedBy(), attestedBy);
    }

    @Override
    protected Object recoveryDecided(String recoveryId, LocalDate decisionDate, Money amount, String reason) {
        return new SupportRecoveryDecided(caseId(), caseType(), recoveryId, decisionDate, amount, reason);
    }

    @Override
    protected Object repaymentReceived(String recoveryId, Money amount, LocalDate receivedOn, String reference,
                                       Money creditedToFrame, Money returnedToState) {
        return new SupportRepaymentReceived(caseId(), caseType(), recoveryId, amount, receivedOn, reference,
                creditedToFrame, returnedToState);
    }

    @Override
    protected Object closed(LocalDate closedOn, Money released, String note) {
        return new SupportCaseClosed(caseId(), caseType(), closedOn, released, note);
    }

    @Override
    protected Object withdrawn(LocalDate decisionDate, String reason, Money released) {
        return new SupportDecisionWithdrawn(caseId(), caseType(), decisionDate, reason, released);
    }

    // --- event sourcing: assignments only ---------------------------------------------------------------------

    /** Subtypes call this from their registration's event-sourcing handler. */
    protected void recordedRegistration(String id, String diary, Fund from, String by) {
        recordedRegistration(id, diary, from);
        registeredBy = by;
    }

    @EventSourcingHandler
    void on(SupportPaymentProposed event) {
        recordedPaymentProposed(new Payment(event.paymentId(), PaymentType.INSTALMENT, null, event.amount(),
                event.fund(), event.paymentDate(), event.paymentReference(), null, event.proposedBy()));
    }

    @EventSourcingHandler
    void on(SupportPaymentMade event) {
        recordedPaymentMade(event.paymentId(), PaymentType.INSTALMENT, event.amount(), event.paymentDate());
    }

    @EventSourcingHandler
    void on(SupportRecoveryDecided event) {
        recordedRecovery(event.recoveryId(), event.amount());
    }

    @EventSourcingHandler
    void on(SupportRepaymentReceived event) {
        recordedRepayment(event.recoveryId(), event.amount(), event.receivedOn(), event.creditedToFrame());
    }

    @EventSourcingHandler
    void on(SupportCaseClosed event) {
        recordedClosure();
    }

    @EventSourcingHandler
    void on(SupportDecisionWithdrawn event) {
        recordedWithdrawal();
    }
}
