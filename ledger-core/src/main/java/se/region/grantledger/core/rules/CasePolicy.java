package se.region.grantledger.core.rules;

import se.region.grantledger.core.model.Actor;
import se.region.grantledger.core.model.Fund;
import se.region.grantledger.core.model.Money;
import se.region.grantledger.core.model.Role;

import java.time.LocalDate;

/**
 * The rules every kind of case shares (project, business support, commercial service): decisions and payments
 * by two people, payments within the decision, recoveries within what was paid. {@code caseName} says which
 * case in the message, e.g. "project RV190046".
 */
public final class CasePolicy {

    private CasePolicy() {
    }

    /**
     * Deciding, approving, attesting, amending, recovering, closing and withdrawing take the APPROVER role, whatever
     * route the command came by and whatever the kind of case.
     */
    public static Actor requireApprover(Actor actor, String action) {
        if (!actor.hasRole(Role.APPROVER)) {
            throw new NotAllowed("approver-role-required", actor.user() + " may not " + action
                    + ": that takes the APPROVER role");
        }
        return actor;
    }

    public static void diaryNumberUnique(boolean claimed, String diaryNumber) {
        if (!claimed) {
            throw new RuleViolation(Rule.DIARY_NUMBER_UNIQUE,
                    "diary number " + diaryNumber + " is already registered for another case",
                    Figures.of("diaryNumber", diaryNumber));
        }
    }

    /**
     * Net payments never exceed the decision. Money repaid for an earlier budget year went to the state, not back to
     * a frame (docs/adr/0014), so it cannot be paid again: it counts as paid out here.
     */
    public static void cumulativePaymentsWithinGrant(Money payment, Money netPaid, Money returnedToState,
                                                     Money granted, String caseName) {
        Money out = netPaid.plus(returnedToState);
        if (out.plus(payment).isGreaterThan(granted)) {
            Money remaining = granted.minusOrZero(out);
            throw new RuleViolation(Rule.CUMULATIVE_PAYMENTS_WITHIN_GRANT,
                    "payment " + payment + " exceeds the remaining grant " + remaining + " on " + caseName
                            + " (decided " + granted + ", already paid " + netPaid
                            + (returnedToState.isZero() ? "" : ", repaid to the state " + returnedToState) + ")",
                    Figures.of("payment", payment, "alreadyPaid", netPaid, "returnedToState", returnedToState,
                            "granted", granted, "remaining", remaining));
        }
    }

    public static void recoveryWithinPaid(Money recovery, Money recoveredBefore, Money paid, String caseName) {
        if (recoveredBefore.plus(recovery).isGreaterThan(paid)) {
            Money recoverable = paid.minusOrZero(recoveredBefore);
            throw new RuleViolation(Rule.RECOVERY_WITHIN_PAID,
                    "recovery " + recovery + " exceeds the " + recoverable + " paid to " + caseName
                            + " and not already claimed back",
                    Figures.of("recovery", recovery, "paid", paid, "alreadyRecovered", recoveredBefore,
                            "recoverable", recoverable));
        }
    }

    public static void repaymentWithinRecovery(Money repayment, Money owed, String recoveryId) {
        if (repayment.isGreaterThan(owed)) {
            throw new RuleViolation(Rule.REPAYMENT_WITHIN_RECOVERY,
                    "repayment " + repayment + " exceeds the " + owed + " still owed on recovery " + recoveryId,
                    Figures.of("repayment", repayment, "owed", owed));
        }
    }

    public static void deciderIsNotPreparer(String decider, String preparer, String caseName) {
        if (decider.equals(preparer)) {
            throw new RuleViolation(Rule.DECIDER_IS_NOT_PREPARER,
                    decider + " prepared the decision on " + caseName + " and cannot also decide it",
                    Figures.of("decider", decider, "preparedBy", preparer));
        }
    }

    public static void attesterIsNotProposer(String attester, String proposer, String paymentId) {
        if (attester.equals(proposer)) {
            throw new RuleViolation(Rule.ATTESTER_IS_NOT_PROPOSER,
                    attester + " proposed payment " + paymentId + " and cannot also attest it",
                    Figures.of("attester", attester, "proposedBy", proposer));
        }
    }

    public static void dateNotBeforeDecision(String what, LocalDate date, LocalDate decisionDate, String caseName) {
        if (date.isBefore(decisionDate)) {
            throw new RuleViolation(Rule.DATE_NOT_BEFORE_DECISION,
                    what + " dated " + date + " precedes the decision of " + decisionDate + " on " + caseName,
                    Figures.of("date", date.toString(), "decisionDate", decisionDate.toString()));
        }
    }

    /** A case is paid from the fund it was decided from. */
    public static void paymentFromGrantFund(Fund fund, Fund decisionFund, String caseName) {
        if (fund != decisionFund) {
            throw new RuleViolation(Rule.PAYMENT_FROM_GRANT_FUND,
                    caseName + " was decided from " + decisionFund + " and cannot be paid from " + fund,
                    Figures.of("fund", fund, "grantFund", decisionFund));
        }
    }
}
