package se.region.grantledger.core.api.support;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import se.region.grantledger.core.model.Money;

import java.time.LocalDate;

/** Decide a recovery (återkrav) of business support paid wrongly. */
public record DecideBusinessSupportRecovery(@TargetAggregateIdentifier String caseId, String recoveryId,
                                            LocalDate decisionDate, Money amount, String reason) {
}
