package se.region.grantledger.core.api.support;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import se.region.grantledger.core.model.Money;

import java.time.LocalDate;

/** Propose a payment of decided support; it is made when another person attests it. */
public record ProposeCommercialServicePayment(@TargetAggregateIdentifier String grantId, String paymentId, Money amount,
                                              LocalDate paymentDate, String paymentReference) {
}
