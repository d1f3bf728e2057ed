package se.region.grantledger.core.api.support;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import se.region.grantledger.core.model.CommercialServiceType;
import se.region.grantledger.core.model.Money;
import se.region.grantledger.core.model.Municipality;
import se.region.grantledger.core.model.Organisation;
import se.region.grantledger.core.model.ServiceRecipientKind;

/**
 * Register an application for commercial-service support for one year's service, with the municipality's net
 * cost of it (paid yearly, in arrears).
 */
public record RegisterCommercialServiceGrant(@TargetAggregateIdentifier String grantId, String diaryNumber,
                                             Organisation recipient, ServiceRecipientKind recipientKind,
                                             Municipality municipality, CommercialServiceType serviceType, int year,
                                             Money netCost) {
}
