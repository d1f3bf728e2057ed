package se.region.grantledger.projections.project;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import org.hibernate.annotations.BatchSize;
import se.region.grantledger.core.model.ProjectKind;
import se.region.grantledger.core.model.ProjectStatus;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The status of one project as reporting jobs and finance staff read it. Amounts are öre. {@code version} is
 * the sequence number of the last event applied, which lets the API wait until a write is visible and lets
 * the projection skip an event it has already applied.
 */
@Entity
@Table(name = "project_status")
public class ProjectStatusRow {

    @Id
    @Column(name = "project_id")
    private String projectId;

    @Column(name = "diary_number", nullable = false)
    private String diaryNumber;
    @Column(name = "nyps_case_id")
    private String nypsCaseId;
    @Column(name = "title", nullable = false)
    private String title;
    @Column(name = "owner_name", nullable = false)
    private String ownerName;
    @Column(name = "owner_organisation_number", nullable = false)
    private String ownerOrganisationNumber;
    @Enumerated(EnumType.STRING)
    @Column(name = "kind", nullable = false)
    private ProjectKind kind;
    @Column(name = "goal_area", nullable = false)
    private String goalArea;
    @Column(name = "period_start", nullable = false)
    private LocalDate periodStart;
    @Column(name = "period_end", nullable = false)
    private LocalDate periodEnd;
    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false)
    private ProjectStatus status;

    @Column(name = "decision_number")
    private String decisionNumber;
    @Column(name = "decision_date")
    private LocalDate decisionDate;
    @Column(name = "decision_year")
    private Integer decisionYear;

    @Column(name = "decided_ore", nullable = false)
    private long decidedOre;
    @Column(name = "total_budget_ore", nullable = false)
    private long totalBudgetOre;
    @Column(name = "requisitioned_ore", nullable = false)
    private long requisitionedOre;
    @Column(name = "approved_ore", nullable = false)
    private long approvedOre;
    @Column(name = "payable_ore", nullable = false)
    private long payableOre;
    @Column(name = "paid_ore", nullable = false)
    private long paidOre;
    @Column(name = "advances_ore", nullable = false)
    private long advancesOre;
    @Column(name = "recovered_ore", nullable = false)
    private long recoveredOre;
    @Column(name = "repaid_ore", nullable = false)
    private long repaidOre;
    @Column(name = "returned_to_state_ore", nullable = false)
    private long returnedToStateOre;
    @Column(name = "released_ore", nullable = false)
    private long releasedOre;

    @Column(name = "pending_payments_ore", nullable = false)
    private long pendingPaymentsOre;
    @Column(name = "grant_prepared_by")
    private String grantPreparedBy;
    @Column(name = "grant_decided_by")
    private String grantDecidedBy;

    @Column(name = "open_requisition_id")
    private String openRequisitionId;
    @Column(name = "requisition_count", nullable = false)
    private int requisitionCount;

    @Column(name = "version", nullable = false)
    private long version;
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    // Loaded for a whole page at once rather than one query per row: a 200-row page was 400 extra queries.
    @ElementCollection(fetch = FetchType.EAGER)
    @BatchSize(size = 200)
    @CollectionTable(name = "project_status_municipality", joinColumns = @JoinColumn(name = "project_id"))
    @Column(name = "scb_code")
    private Set<String> municipalities = new TreeSet<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @BatchSize(size = 200)
    @CollectionTable(name = "project_status_plan_line", joinColumns = @JoinColumn(name = "project_id"))
    @OrderColumn(name = "line_no")
    private List<PlanLineRow> planLines = new ArrayList<>();

    protected ProjectStatusRow() {
    }

    ProjectStatusRow(String projectId) {
        this.projectId = projectId;
        this.version = -1;
    }

    /** Net paid: payments made less repayments received. */
    public long netPaidOre() {
        return paidOre - repaidOre;
    }

    /**
     * Decided but not yet (net) paid nor repaid to the state; zero once the project is closed or withdrawn, when the
     * rest is released. The frames hold exactly this for the project (docs/adr/0014).
     */
    public long remainingOre() {
        return status == ProjectStatus.GRANTED ? Math.max(0, decidedOre - netPaidOre() - returnedToStateOre) : 0;
    }

    // Getters for readers; the setters below are package-private so that only the projection writes.

    public String getProjectId() { return projectId; }
    public String getDiaryNumber() { return diaryNumber; }
    public String getNypsCaseId() { return nypsCaseId; }
    public String getTitle() { return title; }
    public String getOwnerName() { return ownerName; }
    public String getOwnerOrganisationNumber() { return ownerOrganisationNumber; }
    public ProjectKind getKind() { return kind; }
    public String getGoalArea() { return goalArea; }
    public LocalDate getPeriodStart() { return periodStart; }
    public LocalDate getPeriodEnd() { return periodEnd; }
    public ProjectStatus getStatus() { return status; }
    public String getDecisionNumber() { return decisionNumber; }
    public LocalDate getDecisionDate() { return decisionDate; }
    public Integer getDecisionYear() { return decisionYear; }
    public long getDecidedOre() { return decidedOre; }
    public long getTotalBudgetOre() { return totalBudgetOre; }
    public long getRequisitionedOre() { return requisitionedOre; }
    public long getApprovedOre() { return approvedOre; }
    public long getPayableOre() { return payableOre; }
    public long getPaidOre() { return paidOre; }
    public long getAdvancesOre() { return advancesOre; }
    public long getRecoveredOre() { return recoveredOre; }
    public long getRepaidOre() { return repaidOre; }
    public long getReturnedToStateOre() { return returnedToStateOre; }
    public long getReleasedOre() { return releasedOre; }
    public String getOpenRequisitionId() { return openRequisitionId; }
    public long getPendingPaymentsOre() { return pendingPaymentsOre; }
    public String getGrantPreparedBy() { return grantPreparedBy; }
    public String getGrantDecidedBy() { return grantDecidedBy; }
    public int getRequisitionCount() { return requisitionCount; }
    public long getVersion() { return version; }
    public Instant getUpdatedAt() { return updatedAt; }
    public Set<String> getMunicipalities() { return municipalities; }
    public List<PlanLineRow> getPlanLines() { return planLines; }

    void registered(String diaryNumber, String nypsCaseId, String title, String ownerName, String ownerNumber,
                    ProjectKind kind, String goalArea, LocalDate start, LocalDate end, Set<String> municipalities) {
        this.diaryNumber = diaryNumber;
        this.nypsCaseId = nypsCaseId;
        this.title = title;
        this.ownerName = ownerName;
        this.ownerOrganisationNumber = ownerNumber;
        this.kind = kind;
        this.goalArea = goalArea;
        this.periodStart = start;
        this.periodEnd = end;
        this.municipalities.clear();
        this.municipalities.addAll(municipalities);
        this.status = ProjectStatus.REGISTERED;
    }

    void grantProposed(String preparedBy) {
        this.grantPreparedBy = preparedBy;
    }

    void decided(String decisionNumber, LocalDate decisionDate, long decidedOre, long totalBudgetOre,
                 List<PlanLineRow> lines, String preparedBy, String decidedBy) {
        this.grantPreparedBy = preparedBy;
        this.grantDecidedBy = decidedBy;
        this.decisionNumber = decisionNumber;
        this.decisionDate = decisionDate;
        this.decisionYear = decisionDate.getYear();
        this.status = ProjectStatus.GRANTED;
        planChanged(decidedOre, totalBudgetOre, lines);
    }

    void planChanged(long decidedOre, long totalBudgetOre, List<PlanLineRow> lines) {
        this.decidedOre = decidedOre;
        this.totalBudgetOre = totalBudgetOre;
        this.planLines.clear();
        this.planLines.addAll(lines);
    }

    void periodChanged(LocalDate start, LocalDate end) {
        this.periodStart = start;
        this.periodEnd = end;
    }

    void requisitionSubmitted(String requisitionId, long totalOre) {
        this.openRequisitionId = requisitionId;
        this.requisitionedOre += totalOre;
        this.requisitionCount++;
    }

    void requisitionApproved(long approvedOre, long payableOre) {
        this.openRequisitionId = null;
        this.approvedOre += approvedOre;
        this.payableOre += payableOre;
    }

    void requisitionRejected() {
        this.openRequisitionId = null;
    }

    void paymentProposed(long amountOre) {
        this.pendingPaymentsOre += amountOre;
    }

    void paid(long amountOre, boolean advance) {
        this.pendingPaymentsOre = Math.max(0, this.pendingPaymentsOre - amountOre);
        this.paidOre += amountOre;
        if (advance) {
            this.advancesOre += amountOre;
        }
    }

    void recovered(long amountOre) {
        this.recoveredOre += amountOre;
    }

    /** Money credited back to a frame after the project ended is released there at once, and so here. */
    void repaid(long amountOre, long creditedOre, long toStateOre) {
        this.repaidOre += amountOre;
        this.returnedToStateOre += toStateOre;
        if (status == ProjectStatus.CLOSED || status == ProjectStatus.WITHDRAWN) {
            this.releasedOre += creditedOre;
        }
    }

    void ended(ProjectStatus endStatus, long releasedOre) {
        this.status = endStatus;
        this.releasedOre = releasedOre;
    }

    void applied(long sequenceNumber, Instant recordedAt) {
        this.version = sequenceNumber;
        this.updatedAt = recordedAt;
    }
}
