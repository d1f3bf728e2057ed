package se.region.grantledger.core.api.support;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import se.region.grantledger.core.model.Money;

import java.time.LocalDate;

/** Propose a payment of decided support; it is made when another person attests it. */
public record ProposeBusinessSupportPayment(@TargetAggregateIdentifier String caseId, String paymentId, Money amount,
                                            LocalDate paymentDate, String paymentReference) {
}
