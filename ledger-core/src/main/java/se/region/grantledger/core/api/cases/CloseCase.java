package se.region.grantledger.core.api.cases;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** Close a decided case (a project after its final report): what was decided and not paid is released. */
public record CloseCase(@TargetAggregateIdentifier String caseId, LocalDate closedOn, String note) {
}
