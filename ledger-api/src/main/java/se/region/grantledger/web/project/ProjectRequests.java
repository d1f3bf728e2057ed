package se.region.grantledger.web.project;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import se.region.grantledger.core.model.Deduction;
import se.region.grantledger.core.model.FinancingPlan;
import se.region.grantledger.core.model.FunderCategory;
import se.region.grantledger.core.model.Money;
import se.region.grantledger.core.model.Municipality;
import se.region.grantledger.core.model.Organisation;
import se.region.grantledger.core.model.Period;
import se.region.grantledger.core.model.ProjectKind;
import se.region.grantledger.core.model.ReportedCosts;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Request bodies of the project endpoints. Amounts are JSON numbers of kronor with at most two decimals;
 * the value objects (Money, Period, OrganisationNumber, Municipality) refuse bad values while the body is read.
 * Ids of new sub-records (requisitions, payments, recoveries) may be given by the client, else one is made.
 */
public final class ProjectRequests {

    private ProjectRequests() {
    }

    public record RegisterProjectRequest(@NotBlank @Size(max = 64) String diaryNumber, @Size(max = 64) String nypsCaseId,
                                         @NotBlank String title, @NotNull @Valid Organisation owner,
                                         @NotEmpty Set<@NotNull Municipality> municipalities, @NotNull ProjectKind kind,
                                         @NotBlank String goalArea, @NotNull Period period) {
    }

    public record GrantProposalRequest(@NotNull FinancingPlan plan, List<@NotBlank String> conditions) {
    }

    public record GrantDecisionRequest(@NotBlank String decisionNumber, @NotNull LocalDate decisionDate) {
    }

    public record GrantAmendmentRequest(@NotBlank String decisionNumber, @NotNull LocalDate decisionDate,
                                        FinancingPlan plan, Period period, @NotBlank String reason) {
    }

    public record RequisitionRequest(@Size(max = 64) String requisitionId, @NotNull Period period,
                                     @NotNull ReportedCosts costs,
                                     Map<@NotNull FunderCategory, @NotNull Money> coFinancingReceived,
                                     @NotNull LocalDate submittedOn) {
    }

    public record ApprovalRequest(@NotNull LocalDate decisionDate, List<@NotNull Deduction> deductions) {
    }

    public record RejectionRequest(@NotNull LocalDate decisionDate, @NotBlank String reason) {
    }

}
