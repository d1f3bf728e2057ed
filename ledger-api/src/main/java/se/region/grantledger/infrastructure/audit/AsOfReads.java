package se.region.grantledger.infrastructure.audit;

import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;
import se.region.grantledger.projections.ReplayableProjection;
import se.region.grantledger.projections.project.ProjectStatusProjection;
import se.region.grantledger.projections.reports.ReportProjection;
import se.region.grantledger.projections.support.SupportCaseProjection;

import java.time.Instant;
import java.util.function.Supplier;

/**
 * The reads that accept {@code asOf}: a case or a report as the ledger knew it at a moment, rebuilt from the events
 * recorded up to then by the projection that keeps it today ({@link AsKnownAt}), into the tables that projection
 * names as its own ({@link ReplayableProjection}).
 */
@Component
public class AsOfReads {

    private final AsKnownAt asKnownAt;
    private final EventStore eventStore;
    private final EventStorageEngine storage;
    private final ReplayableProjection projects;
    private final ReplayableProjection supportCases;
    private final ReplayableProjection reports;

    public AsOfReads(AsKnownAt asKnownAt, EventStore eventStore, EventStorageEngine storage,
                     ProjectStatusProjection projects, SupportCaseProjection supportCases, ReportProjection reports) {
        this.asKnownAt = asKnownAt;
        this.eventStore = eventStore;
        this.storage = storage;
        this.projects = projects;
        this.supportCases = supportCases;
        this.reports = reports;
    }

    public <T> T project(Instant moment, String projectId, Supplier<T> read) {
        return asKnownAt.replay(moment, projects, () -> eventStore.readEvents(projectId).asStream(), read);
    }

    public <T> T supportCase(Instant moment, String caseId, Supplier<T> read) {
        return asKnownAt.replay(moment, supportCases, () -> eventStore.readEvents(caseId).asStream(), read);
    }

    /** Every event recorded up to the moment, replayed into the report tables: as the reports stood then. */
    public <T> T reports(Instant moment, Supplier<T> read) {
        return asKnownAt.replay(moment, reports, () -> storage.readEvents(null, false), read);
    }
}
