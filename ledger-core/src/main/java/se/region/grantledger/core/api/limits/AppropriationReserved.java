package se.region.grantledger.core.api.limits;

import org.axonframework.serialization.Revision;
import se.region.grantledger.core.api.BusinessDated;
import se.region.grantledger.core.model.Money;
import se.region.grantledger.core.model.SupportType;

import java.time.LocalDate;

/** A decision (or an amendment raising one) committed money of the frame. */
@Revision("1")
public record AppropriationReserved(String appropriationId, String caseId, SupportType supportType, Money amount,
                                    LocalDate decisionDate, Money committedAfter) implements BusinessDated {

    @Override
    public LocalDate businessDate() {
        return decisionDate;
    }
}
