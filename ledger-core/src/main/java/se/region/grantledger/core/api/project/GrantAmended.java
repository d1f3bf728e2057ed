package se.region.grantledger.core.api.project;

import org.axonframework.serialization.Revision;
import se.region.grantledger.core.api.BusinessDated;
import se.region.grantledger.core.model.FinancingPlan;
import se.region.grantledger.core.model.Money;
import se.region.grantledger.core.model.Period;

import java.time.LocalDate;

/** Carries the whole plan and period in force after the amendment, so the event reads on its own. */
@Revision("1")
public record GrantAmended(String projectId, String decisionNumber, LocalDate decisionDate, FinancingPlan plan,
                           Period period, Money grantedAmount, Money previousGrantedAmount, Money totalBudget,
                           String reason) implements BusinessDated {

    @Override
    public LocalDate businessDate() {
        return decisionDate;
    }
}
