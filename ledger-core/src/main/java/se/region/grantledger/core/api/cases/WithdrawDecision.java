package se.region.grantledger.core.api.cases;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** Withdraw a case's decision (återkallelse): what was not paid is released to the frame. */
public record WithdrawDecision(@TargetAggregateIdentifier String caseId, LocalDate decisionDate, String reason) {
}
