package se.region.grantledger.core.api.project;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import se.region.grantledger.core.model.Fund;
import se.region.grantledger.core.model.Money;

import java.time.LocalDate;

/** Propose paying (part of) what an approved requisition made payable; another person attests it. */
public record ProposePayment(@TargetAggregateIdentifier String projectId, String paymentId, String requisitionId,
                             Money amount, Fund fund, LocalDate paymentDate, String paymentReference) {
}
