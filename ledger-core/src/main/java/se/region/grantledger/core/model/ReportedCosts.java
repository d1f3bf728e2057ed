package se.region.grantledger.core.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import se.region.grantledger.core.rules.InvalidValue;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/** Costs per cost category, as reported in a requisition or as approved after deductions. */
public record ReportedCosts(Map<CostCategory, Money> byCategory) {

    public ReportedCosts {
        if (byCategory == null) {
            throw new InvalidValue("missing-costs", "costs per category are required");
        }
        EnumMap<CostCategory, Money> copy = new EnumMap<>(CostCategory.class);
        byCategory.forEach((category, amount) -> {
            if (category == null || amount == null) {
                throw new InvalidValue("invalid-costs", "each reported cost has a category and an amount");
            }
            if (!amount.isZero()) {
                copy.put(category, amount);
            }
        });
        byCategory = Collections.unmodifiableMap(copy);
    }

    @JsonCreator
    public static ReportedCosts of(Map<CostCategory, Money> byCategory) {
        return new ReportedCosts(byCategory);
    }

    @JsonValue
    @Override
    public Map<CostCategory, Money> byCategory() {
        return byCategory;
    }

    public Money of(CostCategory category) {
        return byCategory.getOrDefault(category, Money.ZERO);
    }

    public Money total() {
        return Money.sum(byCategory.values());
    }
}
