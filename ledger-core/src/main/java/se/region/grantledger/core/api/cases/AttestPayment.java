package se.region.grantledger.core.api.cases;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Attest a proposed payment: the second person's yes that makes money move. The attester holds the APPROVER role,
 * did not propose the payment and, on a project, did not approve the requisition it pays.
 */
public record AttestPayment(@TargetAggregateIdentifier String caseId, String paymentId) {
}
