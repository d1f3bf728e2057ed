package se.region.grantledger.core.project;

import se.region.grantledger.core.model.Money;

/** What the Project aggregate remembers of one recovery (återkrav). Immutable: each event replaces it. */
record Recovery(String id, Money amount, Money repaid) {

    Recovery repaidFurther(Money repayment) {
        return new Recovery(id, amount, repaid.plus(repayment));
    }

    Money owed() {
        return amount.minus(repaid);
    }
}
