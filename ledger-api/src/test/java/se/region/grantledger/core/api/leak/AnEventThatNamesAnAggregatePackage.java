package se.region.grantledger.core.api.leak;

import se.region.grantledger.core.appropriation.Reservations;

/** A leak put back on purpose for ModuleBoundariesTest: a message carrying an aggregate package's type. */
public record AnEventThatNamesAnAggregatePackage(String caseId, Reservations reservations) {
}
