package se.region.grantledger.core.api.project;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import se.region.grantledger.core.model.Money;

import java.time.LocalDate;

/** Money claimed back by a recovery has come in. */
public record RegisterRepayment(@TargetAggregateIdentifier String projectId, String recoveryId, Money amount,
                                LocalDate receivedOn, String reference) {
}
