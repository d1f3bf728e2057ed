package se.region.grantledger.core.api.support;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

public record WithdrawBusinessSupport(@TargetAggregateIdentifier String caseId, LocalDate decisionDate,
                                      String reason) {
}
