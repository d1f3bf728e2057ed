package se.region.grantledger.core.api.limits;

import org.axonframework.serialization.Revision;
import se.region.grantledger.core.model.OrganisationNumber;

@Revision("1")
public record CompanyJoinedUndertaking(String undertakingId, OrganisationNumber company) {
}
