package se.region.grantledger.core.api.project;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

public record RejectRequisition(@TargetAggregateIdentifier String projectId, String requisitionId,
                                LocalDate decisionDate, String reason) {
}
