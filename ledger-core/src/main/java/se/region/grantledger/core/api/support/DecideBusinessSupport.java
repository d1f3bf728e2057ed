package se.region.grantledger.core.api.support;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import se.region.grantledger.core.model.Money;

import java.time.LocalDate;

/** Decide the support (an approver, not the person who registered it). */
public record DecideBusinessSupport(@TargetAggregateIdentifier String caseId, String decisionNumber,
                                    LocalDate decisionDate, Money amount) {
}
