package se.region.grantledger.core.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import se.region.grantledger.core.model.FinancingPlan;

import java.time.LocalDate;
import java.util.List;

/** Beslut om stöd: the region's grant decision with the project's whole financing plan. */
public record DecideGrant(@TargetAggregateIdentifier String projectId, String decisionNumber, LocalDate decisionDate,
                          FinancingPlan plan, List<String> conditions) {
}
