package se.region.grantledger.core.model;

import se.region.grantledger.core.rules.InvalidValue;

/**
 * A company receiving business support. Who leads it is recorded because the region reports how far groups
 * under-represented among business owners (women, people born abroad) reach the money.
 */
public record Company(OrganisationNumber organisationNumber, String name, Municipality municipality,
                      boolean ledByWoman, boolean ledByPersonBornAbroad) {

    public Company {
        if (organisationNumber == null) {
            throw new InvalidValue("invalid-organisation-number", "a company's organisation number is required");
        }
        if (name == null || name.isBlank()) {
            throw new InvalidValue("missing-organisation-name", "a company has a name");
        }
        if (municipality == null) {
            throw new InvalidValue("missing-field", "a company's municipality is required");
        }
    }
}
