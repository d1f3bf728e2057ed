package se.region.grantledger.core.api.project;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Attest a proposed payment: the second person's yes that makes money move. The attester must hold the APPROVER
 * role, must not have proposed the payment, and must not have approved the requisition it pays.
 */
public record AttestPayment(@TargetAggregateIdentifier String projectId, String paymentId) {
}
