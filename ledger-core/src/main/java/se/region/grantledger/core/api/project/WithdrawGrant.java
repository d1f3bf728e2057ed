package se.region.grantledger.core.api.project;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

public record WithdrawGrant(@TargetAggregateIdentifier String projectId, LocalDate decisionDate, String reason) {
}
