package se.region.grantledger.core.api.limits;

import org.axonframework.serialization.Revision;
import se.region.grantledger.core.model.OrganisationNumber;

import java.util.List;

@Revision("1")
public record UndertakingRegistered(String undertakingId, String name, List<OrganisationNumber> companies) {
}
