package se.region.grantledger.core.api.project;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import se.region.grantledger.core.model.FinancingPlan;
import se.region.grantledger.core.model.Period;

import java.time.LocalDate;

/** Ändringsbeslut: a new plan, a new period, or both; whichever is null stays as it was. */
public record AmendGrant(@TargetAggregateIdentifier String projectId, String decisionNumber, LocalDate decisionDate,
                         FinancingPlan plan, Period period, String reason) {
}
