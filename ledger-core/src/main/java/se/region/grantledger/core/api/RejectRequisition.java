package se.region.grantledger.core.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

public record RejectRequisition(@TargetAggregateIdentifier String projectId, String requisitionId,
                                LocalDate decisionDate, String reason) {
}
