package se.region.grantledger.core.model;

import se.region.grantledger.core.rules.InvalidValue;

/** One funder's part of a project's financing plan. */
public record FinancingLine(String funder, FunderCategory category, FundingForm form, Money amount) {

    public FinancingLine {
        if (funder == null || funder.isBlank()) {
            throw new InvalidValue("invalid-financing-line", "a financing line names its funder");
        }
        if (category == null || form == null) {
            throw new InvalidValue("invalid-financing-line", "financing line '" + funder + "' needs a category and a form");
        }
        if (amount == null || amount.isZero()) {
            throw new InvalidValue("invalid-financing-line", "financing line '" + funder + "' needs an amount above zero");
        }
    }
}
