package se.region.grantledger.core.api.cases;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import se.region.grantledger.core.model.Fund;
import se.region.grantledger.core.model.Money;

import java.time.LocalDate;

/** Propose an advance (förskott) before costs are reported; only a project grant allows one. */
public record ProposeAdvance(@TargetAggregateIdentifier String caseId, String paymentId, Money amount, Fund fund,
                             LocalDate paymentDate, String paymentReference, String reason) {
}
