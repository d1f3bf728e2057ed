package se.region.grantledger.core.api.limits;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import se.region.grantledger.core.model.OrganisationNumber;

import java.util.List;

/**
 * Register a single undertaking ("ett enda företag", Regulation 2023/2831 art. 2(2)): the companies that count
 * together for de minimis, as the applicant declared them. A company belongs to one single undertaking.
 */
public record RegisterUndertaking(@TargetAggregateIdentifier String undertakingId, String name,
                                  List<OrganisationNumber> companies) {
}
