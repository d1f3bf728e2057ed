package se.region.grantledger.core.api.support;

import org.axonframework.serialization.Revision;
import se.region.grantledger.core.model.CommercialServiceType;
import se.region.grantledger.core.model.Money;
import se.region.grantledger.core.model.Municipality;
import se.region.grantledger.core.model.Organisation;
import se.region.grantledger.core.model.ServiceRecipientKind;

@Revision("1")
public record CommercialServiceGrantRegistered(String grantId, String diaryNumber, Organisation recipient,
                                               ServiceRecipientKind recipientKind, Municipality municipality,
                                               CommercialServiceType serviceType, int year, Money netCost,
                                               String registeredBy) {
}
