package se.region.grantledger.core.undertaking;

import se.region.grantledger.core.model.OrganisationNumber;

import java.util.Optional;

/**
 * Which single undertaking a company belongs to. A company belongs to one: the claim is made in the
 * transaction of the command that links it, so two undertakings can never both take the same company.
 */
public interface UndertakingMembers {

    /** @return empty if the company is now the undertaking's, else the undertaking that already holds it */
    Optional<String> claim(OrganisationNumber company, String undertakingId);

    Optional<String> undertakingOf(OrganisationNumber company);
}
