package se.region.grantledger.core.api.limits;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import se.region.grantledger.core.model.OrganisationNumber;

/** A company became linked to the undertaking (an acquisition, a newly declared link). */
public record AddCompanyToUndertaking(@TargetAggregateIdentifier String undertakingId, OrganisationNumber company) {
}
