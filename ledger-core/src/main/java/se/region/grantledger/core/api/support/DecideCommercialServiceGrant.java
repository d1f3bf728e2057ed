package se.region.grantledger.core.api.support;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import se.region.grantledger.core.model.Money;

import java.time.LocalDate;

public record DecideCommercialServiceGrant(@TargetAggregateIdentifier String grantId, String decisionNumber,
                                           LocalDate decisionDate, Money amount) {
}
