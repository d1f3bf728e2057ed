package se.region.grantledger.core.model;

import se.region.grantledger.core.rules.InvalidValue;

/** A legal person by name and organisation number (a project owner, a company). */
public record Organisation(String name, OrganisationNumber organisationNumber) {

    public Organisation {
        if (name == null || name.isBlank()) {
            throw new InvalidValue("missing-organisation-name", "an organisation has a name");
        }
        if (organisationNumber == null) {
            throw new InvalidValue("invalid-organisation-number", "an organisation number is required");
        }
    }
}
