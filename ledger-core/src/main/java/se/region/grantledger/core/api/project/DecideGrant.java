package se.region.grantledger.core.api.project;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** Beslut om stöd: an approver decides the proposed grant; the decider must not be the one who prepared it. */
public record DecideGrant(@TargetAggregateIdentifier String projectId, String decisionNumber, LocalDate decisionDate) {
}
