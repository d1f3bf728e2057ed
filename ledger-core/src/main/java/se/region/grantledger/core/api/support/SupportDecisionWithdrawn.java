package se.region.grantledger.core.api.support;

import org.axonframework.serialization.Revision;
import se.region.grantledger.core.api.BusinessDated;
import se.region.grantledger.core.model.Money;
import se.region.grantledger.core.model.SupportType;

import java.time.LocalDate;

@Revision("1")
public record SupportDecisionWithdrawn(String caseId, SupportType supportType, LocalDate decisionDate,
                                       String reason, Money releasedAmount) implements BusinessDated {

    @Override
    public LocalDate businessDate() {
        return decisionDate;
    }
}
