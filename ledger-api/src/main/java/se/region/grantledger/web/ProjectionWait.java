package se.region.grantledger.web;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import se.region.grantledger.projections.project.ProjectStatusQueries;
import se.region.grantledger.projections.project.ProjectStatusRow;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Read-your-writes: after a command, wait until the status projection has applied the project's newest event,
 * so a client can GET straight after its POST. The projection runs asynchronously (pooled streaming), so this
 * polls the row's version, cheaply, until it reaches the event store's last sequence number for the project.
 */
@Component
public class ProjectionWait {

    private final EventStore eventStore;
    private final ProjectStatusQueries queries;
    private final Duration timeout;

    public ProjectionWait(EventStore eventStore, ProjectStatusQueries queries,
                   @Value("${ledger.read-your-writes.timeout:10s}") Duration timeout) {
        this.eventStore = eventStore;
        this.queries = queries;
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
        long pauseMillis = 1;
        while (System.nanoTime() < deadline) {
            Optional<T> found = read.get();
            if (found.isPresent()) {
                return found;
            }
            sleep(pauseMillis);
            pauseMillis = Math.min(pauseMillis * 2, 50);
        }
        return Optional.empty();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the projection", e);
        }
    }
}
