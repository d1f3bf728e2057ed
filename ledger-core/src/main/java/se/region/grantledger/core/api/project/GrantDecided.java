package se.region.grantledger.core.api.project;

import org.axonframework.serialization.Revision;
import se.region.grantledger.core.api.BusinessDated;
import se.region.grantledger.core.model.FinancingPlan;
import se.region.grantledger.core.model.Money;

import java.time.LocalDate;
import java.util.List;

/**
 * {@code grantedAmount} is the plan's REGIONAL_1_1 total, kept in the event so readers need not recompute it.
 * Revision 2 added {@code preparedBy} and {@code decidedBy} (four-eyes); revision-1 events have them null.
 */
@Revision("2")
public record GrantDecided(String projectId, String decisionNumber, LocalDate decisionDate, FinancingPlan plan,
                           Money grantedAmount, Money totalBudget, List<String> conditions, String preparedBy,
                           String decidedBy) implements BusinessDated {

    @Override
    public LocalDate businessDate() {
        return decisionDate;
    }
}
