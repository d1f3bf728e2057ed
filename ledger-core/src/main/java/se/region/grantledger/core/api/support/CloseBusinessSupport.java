package se.region.grantledger.core.api.support;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

public record CloseBusinessSupport(@TargetAggregateIdentifier String caseId, LocalDate closedOn, String note) {
}
