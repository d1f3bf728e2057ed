package se.region.grantledger.core.api.limits;

import org.axonframework.serialization.Revision;
import se.region.grantledger.core.api.BusinessDated;
import se.region.grantledger.core.model.Money;
import se.region.grantledger.core.model.ReleaseReason;

import java.time.LocalDate;

/** Reserved, unpaid money went back to the frame, on the business date of the amendment, closure or withdrawal. */
@Revision("1")
public record AppropriationReleased(String appropriationId, String caseId, Money amount, ReleaseReason reason,
                                    LocalDate releasedOn, Money committedAfter) implements BusinessDated {

    @Override
    public LocalDate businessDate() {
        return releasedOn;
    }
}
