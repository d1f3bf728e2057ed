package se.region.grantledger.core.api.project;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import se.region.grantledger.core.model.FinancingPlan;

import java.util.List;

/** A case officer prepares the grant decision: the financing plan and conditions an approver will decide on. */
public record ProposeGrantDecision(@TargetAggregateIdentifier String projectId, FinancingPlan plan,
                                   List<String> conditions) {
}
