package se.region.grantledger.core.api.project;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import se.region.grantledger.core.model.Deduction;

import java.time.LocalDate;
import java.util.List;

/** Approve a requisition, wholly (no deductions) or in part; the ledger computes what becomes payable. */
public record ApproveRequisition(@TargetAggregateIdentifier String projectId, String requisitionId,
                                 LocalDate decisionDate, List<Deduction> deductions) {
}
