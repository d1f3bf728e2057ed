package se.region.grantledger.core.api.support;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import se.region.grantledger.core.model.Money;

import java.time.LocalDate;

public record RegisterBusinessSupportRepayment(@TargetAggregateIdentifier String caseId, String recoveryId,
                                               Money amount, LocalDate receivedOn, String reference) {
}
