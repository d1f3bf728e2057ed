package se.region.grantledger.core.model;

import se.region.grantledger.core.rules.InvalidValue;

/** Avdrag: part of a requisition's reported costs that the case officer does not approve, and why. */
public record Deduction(CostCategory category, Money amount, String reason) {

    public Deduction {
        if (category == null) {
            throw new InvalidValue("invalid-deduction", "a deduction names the cost category it reduces");
        }
        if (amount == null || amount.isZero()) {
            throw new InvalidValue("invalid-deduction", "a deduction from " + category + " needs an amount above zero");
        }
        if (reason == null || reason.isBlank()) {
            throw new InvalidValue("invalid-deduction", "a deduction of " + amount + " from " + category + " needs a reason");
        }
    }
}
