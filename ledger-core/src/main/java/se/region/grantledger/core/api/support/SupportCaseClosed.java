package se.region.grantledger.core.api.support;

import org.axonframework.serialization.Revision;
import se.region.grantledger.core.api.BusinessDated;
import se.region.grantledger.core.model.Money;
import se.region.grantledger.core.model.SupportType;

import java.time.LocalDate;

/** A business-support or commercial-service case closed; what was decided and not paid is released. */
@Revision("1")
public record SupportCaseClosed(String caseId, SupportType supportType, LocalDate closedOn, Money releasedAmount,
                                String note) implements BusinessDated {

    @Override
    public LocalDate businessDate() {
        return closedOn;
    }
}
