package se.region.grantledger.web;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import se.region.grantledger.infrastructure.projections.ProjectionCommits;
import se.region.grantledger.projections.project.ProjectStatusQueries;
import se.region.grantledger.projections.project.ProjectStatusRow;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Read-your-writes: after a command, wait until the status projection has applied the project's newest event,
 * so a client can GET straight after its POST. The projection runs asynchronously (pooled streaming), so this
 * reads the row's version, cheaply, until it reaches the event store's last sequence number for the project: again
 * each time a projection of this node commits ({@link ProjectionCommits}), and at the latest every 50 ms (for a
 * projection running on another node).
 */
@Component
public class ProjectionWait {

    private static final long LOOK_AGAIN_AFTER_MILLIS = 50;

    private final EventStore eventStore;
    private final ProjectStatusQueries queries;
    private final ProjectionCommits commits;
    private final Duration timeout;

    public ProjectionWait(EventStore eventStore, ProjectStatusQueries queries, ProjectionCommits commits,
                   @Value("${ledger.read-your-writes.timeout:10s}") Duration timeout) {
        this.eventStore = eventStore;
        this.queries = queries;
        this.commits = commits;
        this.timeout = timeout;
    }

    /** @return the project's row once it shows the newest event, or empty if the projection did not catch up in time */
    public Optional<ProjectStatusRow> untilProjected(String projectId) {
        return untilCaughtUp(projectId, queries::version, queries::find);
    }

    /**
     * @return what {@code read} finds for the aggregate once its read model's version reaches the aggregate's
     * newest event in the store, or empty if it did not catch up in time
     */
    public <T> Optional<T> untilCaughtUp(String aggregateId, Function<String, Optional<Long>> version,
                                         Function<String, Optional<T>> read) {
        long expected = eventStore.lastSequenceNumberFor(aggregateId).orElse(-1L);
        return until(() -> version.apply(aggregateId).filter(projected -> projected >= expected)
                .flatMap(projected -> read.apply(aggregateId)));
    }

    /** @return what {@code read} finds once it finds something, or empty if it found nothing in time */
    public <T> Optional<T> until(Supplier<Optional<T>> read) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            long seen = commits.count();
            Optional<T> found = read.get();
            if (found.isPresent()) {
                return found;
            }
            awaitCommit(seen, Math.min(LOOK_AGAIN_AFTER_MILLIS, 1 + (deadline - System.nanoTime()) / 1_000_000));
        }
        return Optional.empty();
    }

    private void awaitCommit(long seen, long millis) {
        try {
            commits.awaitAfter(seen, millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the projection", e);
        }
    }
}
