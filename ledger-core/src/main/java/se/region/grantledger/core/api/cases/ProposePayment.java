package se.region.grantledger.core.api.cases;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import se.region.grantledger.core.model.Fund;
import se.region.grantledger.core.model.Money;

import java.time.LocalDate;

/**
 * Propose a payment on a decided case; it is made when another person attests it. On a project it pays (part of)
 * what an approved requisition made payable and names the requisition; on business support and commercial
 * service there is no requisition. {@code fund} may be left out: a case is paid from the fund it was decided from.
 */
public record ProposePayment(@TargetAggregateIdentifier String caseId, String paymentId, String requisitionId,
                             Money amount, Fund fund, LocalDate paymentDate, String paymentReference) {
}
