package se.region.grantledger.core.api.project;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** Close the project after its final report: what was decided but not paid is released. */
public record CloseProject(@TargetAggregateIdentifier String projectId, LocalDate closedOn, String note) {
}
