package se.region.grantledger.core.api.project;

import org.axonframework.serialization.Revision;
import se.region.grantledger.core.model.FinancingPlan;
import se.region.grantledger.core.model.Money;

import java.util.List;

/** A newer proposal replaces an earlier one that was not yet decided. */
@Revision("1")
public record GrantDecisionProposed(String projectId, FinancingPlan plan, Money grantedAmount, Money totalBudget,
                                    List<String> conditions, String preparedBy) {
}
