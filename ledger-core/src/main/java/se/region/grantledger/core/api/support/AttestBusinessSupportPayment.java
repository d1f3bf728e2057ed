package se.region.grantledger.core.api.support;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Attest a proposed payment: the money moves (an approver who did not propose it). */
public record AttestBusinessSupportPayment(@TargetAggregateIdentifier String caseId, String paymentId) {
}
