package se.region.grantledger.core.api.cases;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import se.region.grantledger.core.model.Money;

import java.time.LocalDate;

/** Money repaid on a decided recovery reached the region's account. */
public record RegisterRepayment(@TargetAggregateIdentifier String caseId, String recoveryId, Money amount,
                                LocalDate receivedOn, String reference) {
}
