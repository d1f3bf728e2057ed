package se.region.grantledger.core.api;

import org.axonframework.serialization.Revision;
import se.region.grantledger.core.appropriation.ReleaseReason;
import se.region.grantledger.core.model.Money;

/** Reserved, unpaid money went back to the frame. */
@Revision("1")
public record AppropriationReleased(String appropriationId, String caseId, Money amount, ReleaseReason reason,
                                    Money committedAfter) {
}
