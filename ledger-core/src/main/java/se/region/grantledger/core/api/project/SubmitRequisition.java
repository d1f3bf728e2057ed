package se.region.grantledger.core.api.project;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import se.region.grantledger.core.model.FunderCategory;
import se.region.grantledger.core.model.Money;
import se.region.grantledger.core.model.Period;
import se.region.grantledger.core.model.ReportedCosts;

import java.time.LocalDate;
import java.util.Map;

/** Rekvisition: the project owner reports costs for a period and asks to be reimbursed. */
public record SubmitRequisition(@TargetAggregateIdentifier String projectId, String requisitionId, Period period,
                                ReportedCosts costs, Map<FunderCategory, Money> coFinancingReceived,
                                LocalDate submittedOn) {
}
