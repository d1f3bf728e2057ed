package se.region.grantledger.core.api.limits;

import org.axonframework.serialization.Revision;
import se.region.grantledger.core.model.Fund;
import se.region.grantledger.core.model.Money;

/** A frame registered or changed; {@code previousFrame} is zero the first time. */
@Revision("1")
public record AppropriationAllocated(String appropriationId, Fund fund, int year, Money frame, Money previousFrame,
                                     String reference) {
}
