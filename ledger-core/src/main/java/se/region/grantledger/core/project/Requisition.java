package se.region.grantledger.core.project;

import se.region.grantledger.core.model.Money;
import se.region.grantledger.core.model.ReportedCosts;

/** What the Project aggregate remembers of one requisition. Immutable: each event replaces it. */
record Requisition(String id, ReportedCosts reported, State state, Money approvedTotal, Money payable,
                   Money paid, String approvedBy) {

    enum State { SUBMITTED, APPROVED, REJECTED }

    static Requisition submitted(String id, ReportedCosts reported) {
        return new Requisition(id, reported, State.SUBMITTED, Money.ZERO, Money.ZERO, Money.ZERO, null);
    }

    Requisition approved(Money approvedTotal, Money payable, String approvedBy) {
        return new Requisition(id, reported, State.APPROVED, approvedTotal, payable, paid, approvedBy);
    }

    Requisition rejected() {
        return new Requisition(id, reported, State.REJECTED, approvedTotal, payable, paid, approvedBy);
    }

    Requisition paid(Money amount) {
        return new Requisition(id, reported, state, approvedTotal, payable, paid.plus(amount), approvedBy);
    }

    boolean isUnpaid() {
        return state == State.APPROVED && payable.isGreaterThan(paid);
    }
}
