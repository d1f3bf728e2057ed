package se.region.grantledger.web.project;

import se.region.grantledger.core.model.FunderCategory;
import se.region.grantledger.core.model.FundingForm;
import se.region.grantledger.core.model.Money;
import se.region.grantledger.core.model.ProjectKind;
import se.region.grantledger.core.model.ProjectStatus;
import se.region.grantledger.projections.project.PlanLineRow;
import se.region.grantledger.projections.project.ProjectStatusRow;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A project's status as the API shows it; amounts in SEK. {@code version} is the last event's sequence number.
 * {@code repaid} counts every repayment; {@code returnedToState} the part that returned earlier years' payments and
 * went to the state (docs/adr/0014); {@code remaining} = decided − net paid − returned to the state.
 */
public record ProjectView(String projectId, String diaryNumber, String nypsCaseId, String title, Owner owner,
                          List<String> municipalities, ProjectKind kind, String goalArea, PeriodView period,
                          ProjectStatus status, Decision decision, Money decided, Money totalBudget, Plan plan,
                          Money requisitioned, Money approved, Money payable, Money paid, Money advances,
                          Money pendingPayments, Money recovered, Money repaid, Money returnedToState, Money netPaid,
                          Money remaining, Money released,
                          String openRequisitionId, int requisitionCount, long version, Instant updatedAt) {

    public record Owner(String name, String organisationNumber) {
    }

    public record PeriodView(LocalDate start, LocalDate end) {
    }

    /** Number and date are null until decided; preparedBy is known from the proposal on. */
    public record Decision(String number, LocalDate date, String preparedBy, String decidedBy) {
    }

    public record Line(String funder, FunderCategory category, FundingForm form, Money amount) {
    }

    public record Plan(List<Line> lines, Map<FunderCategory, Money> byCategory, Map<FundingForm, Money> byForm) {
    }

    static ProjectView of(ProjectStatusRow row) {
        List<Line> lines = row.getPlanLines().stream()
                .map(l -> new Line(l.getFunder(), l.getCategory(), l.getForm(), Money.ofOre(l.getAmountOre())))
                .toList();
        Map<FunderCategory, Money> byCategory = new EnumMap<>(FunderCategory.class);
        Map<FundingForm, Money> byForm = new EnumMap<>(FundingForm.class);
        for (PlanLineRow line : row.getPlanLines()) {
            byCategory.merge(line.getCategory(), Money.ofOre(line.getAmountOre()), Money::plus);
            byForm.merge(line.getForm(), Money.ofOre(line.getAmountOre()), Money::plus);
        }
        return new ProjectView(row.getProjectId(), row.getDiaryNumber(), row.getNypsCaseId(), row.getTitle(),
                new Owner(row.getOwnerName(), row.getOwnerOrganisationNumber()),
                row.getMunicipalities().stream().sorted().toList(), row.getKind(), row.getGoalArea(),
                new PeriodView(row.getPeriodStart(), row.getPeriodEnd()), row.getStatus(),
                row.getGrantPreparedBy() == null ? null : new Decision(row.getDecisionNumber(), row.getDecisionDate(),
                        row.getGrantPreparedBy(), row.getGrantDecidedBy()),
                Money.ofOre(row.getDecidedOre()), Money.ofOre(row.getTotalBudgetOre()),
                new Plan(lines, byCategory, byForm),
                Money.ofOre(row.getRequisitionedOre()), Money.ofOre(row.getApprovedOre()),
                Money.ofOre(row.getPayableOre()), Money.ofOre(row.getPaidOre()), Money.ofOre(row.getAdvancesOre()),
                Money.ofOre(row.getPendingPaymentsOre()), Money.ofOre(row.getRecoveredOre()),
                Money.ofOre(row.getRepaidOre()), Money.ofOre(row.getReturnedToStateOre()), Money.ofOre(row.netPaidOre()),
                Money.ofOre(row.remainingOre()), Money.ofOre(row.getReleasedOre()), row.getOpenRequisitionId(),
                row.getRequisitionCount(), row.getVersion(), row.getUpdatedAt());
    }
}
