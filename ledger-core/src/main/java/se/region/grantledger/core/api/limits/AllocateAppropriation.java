package se.region.grantledger.core.api.limits;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import se.region.grantledger.core.model.Fund;
import se.region.grantledger.core.model.Money;

/**
 * Register a fund's frame for a year (the government's appropriation letter for 1:1, the region's budget for its
 * own funds). Allocating again changes the frame; it may not fall below what is already committed.
 */
public record AllocateAppropriation(@TargetAggregateIdentifier String appropriationId, Fund fund, int year,
                                    Money frame, String reference) {
}
