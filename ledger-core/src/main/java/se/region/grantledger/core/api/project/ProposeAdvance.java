package se.region.grantledger.core.api.project;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import se.region.grantledger.core.model.Fund;
import se.region.grantledger.core.model.Money;

import java.time.LocalDate;

/** Propose a förskott: money before costs are reported, only with special reasons (which are recorded). */
public record ProposeAdvance(@TargetAggregateIdentifier String projectId, String paymentId, Money amount, Fund fund,
                             LocalDate paymentDate, String paymentReference, String reason) {
}
