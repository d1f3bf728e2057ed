package se.region.grantledger.core.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

public record WithdrawCommercialServiceGrant(@TargetAggregateIdentifier String grantId, LocalDate decisionDate,
                                             String reason) {
}
