package se.region.grantledger.infrastructure.audit;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;
import se.region.grantledger.projections.ReadTime;
import se.region.grantledger.projections.ReplayableProjection;
import se.region.grantledger.projections.limits.AppropriationProjection;
import se.region.grantledger.projections.project.ProjectStatusProjection;
import se.region.grantledger.projections.support.SupportCaseProjection;

import java.util.function.Supplier;

/**
 * The reads of one stream that accept {@code validAt} and {@code knownAt}: a case or a frame at a business date as
 * the ledger knew it at a moment, rebuilt from its stream by the projection that keeps it today ({@link AsKnownAt}),
 * into the tables that projection names as its own ({@link ReplayableProjection}). The reports need no replay:
 * their facts carry both times (ReportQueries).
 */
@Component
public class AsOfReads {

    private final AsKnownAt asKnownAt;
    private final EventStore eventStore;
    private final ReplayableProjection projects;
    private final ReplayableProjection supportCases;
    private final ReplayableProjection frames;

    public AsOfReads(AsKnownAt asKnownAt, EventStore eventStore, ProjectStatusProjection projects,
                     SupportCaseProjection supportCases, AppropriationProjection frames) {
        this.asKnownAt = asKnownAt;
        this.eventStore = eventStore;
        this.projects = projects;
        this.supportCases = supportCases;
        this.frames = frames;
    }

    public <T> T project(ReadTime time, String projectId, Supplier<T> read) {
        return asKnownAt.replay(time, projects, () -> eventStore.readEvents(projectId).asStream(), read);
    }

    public <T> T supportCase(ReadTime time, String caseId, Supplier<T> read) {
        return asKnownAt.replay(time, supportCases, () -> eventStore.readEvents(caseId).asStream(), read);
    }

    public <T> T frame(ReadTime time, String appropriationId, Supplier<T> read) {
        return asKnownAt.replay(time, frames, () -> eventStore.readEvents(appropriationId).asStream(), read);
    }
}
