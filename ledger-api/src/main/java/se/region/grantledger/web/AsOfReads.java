package se.region.grantledger.web;

import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;
import se.region.grantledger.core.rules.InvalidValue;
import se.region.grantledger.infrastructure.audit.AsKnownAt;
import se.region.grantledger.projections.project.ProjectStatusProjection;
import se.region.grantledger.projections.reports.ReportProjection;
import se.region.grantledger.projections.support.SupportCaseProjection;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.function.Supplier;

/**
 * The reads that accept {@code asOf}: a case or a report as the ledger knew it at a moment, rebuilt from the events
 * recorded up to then by the projection that keeps it today ({@link AsKnownAt}).
 */
@Component
public class AsOfReads {

    private static final List<String> PROJECT_TABLES =
            List.of("project_status", "project_status_municipality", "project_status_plan_line");
    private static final List<String> REPORT_TABLES = List.of("report_case", "report_financing_change",
            "report_payment", "report_repayment", "report_business_support_decision", "report_commitment_movement");
    private static final List<String> REPORT_VIEWS = List.of("report_leverage", "report_leverage_summary",
            "report_disbursement", "report_business_support", "report_goal_areas", "report_commitment_movements");

    private final AsKnownAt asKnownAt;
    private final EventStore eventStore;
    private final EventStorageEngine storage;
    private final ProjectStatusProjection projects;
    private final SupportCaseProjection supportCases;
    private final ReportProjection reports;

    public AsOfReads(AsKnownAt asKnownAt, EventStore eventStore, EventStorageEngine storage,
                     ProjectStatusProjection projects, SupportCaseProjection supportCases, ReportProjection reports) {
        this.asKnownAt = asKnownAt;
        this.eventStore = eventStore;
        this.storage = storage;
        this.projects = projects;
        this.supportCases = supportCases;
        this.reports = reports;
    }

    /** {@code asOf} as a moment: an ISO instant, or an ISO date meaning the end of that day in Sweden. */
    public static Instant moment(String asOf) {
        try {
            return RecordedTime.clamp(AsKnownAt.parse(asOf.trim()));
        } catch (DateTimeParseException e) {
            throw new InvalidValue("invalid-as-of", "asOf is an ISO instant (2020-02-04T09:30:00Z) or date (2020-02-04): "
                    + asOf);
        }
    }

    public <T> T project(Instant moment, String projectId, Supplier<T> read) {
        return asKnownAt.replay(moment, PROJECT_TABLES, List.of(), projects,
                () -> eventStore.readEvents(projectId).asStream(), read);
    }

    public <T> T supportCase(Instant moment, String caseId, Supplier<T> read) {
        return asKnownAt.replay(moment, List.of("support_case_status"), List.of(), supportCases,
                () -> eventStore.readEvents(caseId).asStream(), read);
    }

    /** Every event recorded up to the moment, replayed into the report tables: as the reports stood then. */
    public <T> T reports(Instant moment, Supplier<T> read) {
        return asKnownAt.replay(moment, REPORT_TABLES, REPORT_VIEWS, reports, () -> storage.readEvents(null, false), read);
    }
}
