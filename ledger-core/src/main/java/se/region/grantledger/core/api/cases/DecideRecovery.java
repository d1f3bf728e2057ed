package se.region.grantledger.core.api.cases;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import se.region.grantledger.core.model.Money;

import java.time.LocalDate;

/** Återkrav: money was paid wrongly and the region claims it back. An approver decides it. */
public record DecideRecovery(@TargetAggregateIdentifier String caseId, String recoveryId, LocalDate decisionDate,
                             Money amount, String reason) {
}
