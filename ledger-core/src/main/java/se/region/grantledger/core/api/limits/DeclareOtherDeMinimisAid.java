package se.region.grantledger.core.api.limits;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import se.region.grantledger.core.model.Euro;
import se.region.grantledger.core.model.OrganisationNumber;

import java.time.LocalDate;

/**
 * De minimis aid another grantor gave one of the undertaking's companies, as the company declared it (in euro,
 * as the declaration states it). It counts towards the cap from the day it was granted.
 */
public record DeclareOtherDeMinimisAid(@TargetAggregateIdentifier String undertakingId, String declarationId,
                                       OrganisationNumber company, String grantor, LocalDate grantedOn, Euro amount) {
}
