package se.region.grantledger.core.api.project;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import se.region.grantledger.core.model.Money;

import java.time.LocalDate;

/** Återkrav: money was paid wrongly and the region claims it back. */
public record DecideRecovery(@TargetAggregateIdentifier String projectId, String recoveryId, LocalDate decisionDate,
                             Money amount, String reason) {
}
