package se.region.grantledger.core.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import se.region.grantledger.core.rules.InvalidValue;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Finansieringsplan: every funder of a project with category, form and amount. Its total is the project's
 * total budget; its REGIONAL_1_1 lines are the amount the region grants.
 */
public record FinancingPlan(List<FinancingLine> lines) {

    public FinancingPlan {
        if (lines == null || lines.isEmpty()) {
            throw new InvalidValue("empty-financing-plan", "a financing plan has at least one line");
        }
        lines = List.copyOf(lines);
    }

    @JsonCreator
    public static FinancingPlan of(List<FinancingLine> lines) {
        return new FinancingPlan(lines);
    }

    @JsonValue
    @Override
    public List<FinancingLine> lines() {
        return lines;
    }

    public Money total() {
        return Money.sum(lines.stream().map(FinancingLine::amount).toList());
    }

    /** The granted amount: the sum of the REGIONAL_1_1 lines. */
    public Money regional11() {
        return ofCategory(FunderCategory.REGIONAL_1_1);
    }

    public Money ofCategory(FunderCategory category) {
        return Money.sum(lines.stream().filter(l -> l.category() == category).map(FinancingLine::amount).toList());
    }

    public Money ofForm(FundingForm form) {
        return Money.sum(lines.stream().filter(l -> l.form() == form).map(FinancingLine::amount).toList());
    }

    public Map<FunderCategory, Money> byCategory() {
        Map<FunderCategory, Money> totals = new EnumMap<>(FunderCategory.class);
        lines.forEach(l -> totals.merge(l.category(), l.amount(), Money::plus));
        return totals;
    }
}
