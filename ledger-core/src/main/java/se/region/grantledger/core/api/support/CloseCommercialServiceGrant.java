package se.region.grantledger.core.api.support;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

public record CloseCommercialServiceGrant(@TargetAggregateIdentifier String grantId, LocalDate closedOn, String note) {
}
