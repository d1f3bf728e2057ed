package se.region.grantledger.core.api.project;

import org.axonframework.serialization.Revision;
import se.region.grantledger.core.api.BusinessDated;
import se.region.grantledger.core.model.Deduction;
import se.region.grantledger.core.model.Money;
import se.region.grantledger.core.model.ReportedCosts;

import java.time.LocalDate;
import java.util.List;

/**
 * {@code payableAmount} is the regional share of the approved costs, less what advances and earlier
 * requisitions already covered, capped by the grant: the most that may be paid against this requisition.
 * Revision 2 added {@code approvedBy}, who may then not attest a payment for it; revision-1 events have it null.
 */
@Revision("2")
public record RequisitionApproved(String projectId, String requisitionId, LocalDate decisionDate,
                                  ReportedCosts approvedCosts, Money approvedTotal, List<Deduction> deductions,
                                  Money payableAmount, String approvedBy) implements BusinessDated {

    @Override
    public LocalDate businessDate() {
        return decisionDate;
    }
}
