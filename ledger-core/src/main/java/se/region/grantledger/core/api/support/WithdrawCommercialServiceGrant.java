package se.region.grantledger.core.api.support;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

public record WithdrawCommercialServiceGrant(@TargetAggregateIdentifier String grantId, LocalDate decisionDate,
                                             String reason) {
}
