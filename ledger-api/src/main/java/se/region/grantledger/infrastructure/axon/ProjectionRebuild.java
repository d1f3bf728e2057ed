package se.region.grantledger.infrastructure.axon;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Rebuilds every projection from the event store: each streaming processor is stopped, its tokens reset (which
 * runs the projections' {@code @ResetHandler}s, clearing their tables) and started again, and then replays the
 * whole history. Progress is the lowest position any segment has reached against the newest event. While a
 * rebuild runs, {@link #inProgress()} is true, and the reports refuse to serve partial figures.
 */
@Component
public class ProjectionRebuild {

    private static final Logger log = LoggerFactory.getLogger(ProjectionRebuild.class);

    private final EventProcessingConfiguration processing;
    private final JdbcTemplate jdbc;
    private final AtomicReference<Instant> startedAt = new AtomicReference<>();

    public ProjectionRebuild(EventProcessingConfiguration processing, JdbcTemplate jdbc) {
        this.processing = processing;
        this.jdbc = jdbc;
    }

    public record ProcessorProgress(String name, boolean replaying, long position, int segments) {
    }

    /** {@code processed} of {@code total}: the slowest segment's position against the newest event's global index. */
    public record Progress(boolean rebuilding, Instant startedAt, long processed, long total,
                           List<ProcessorProgress> processors) {
    }

    /** Starts a rebuild unless one is running; answers the progress either way. */
    public synchronized Progress start() {
        if (!inProgress()) {
            startedAt.set(Instant.now());
            for (StreamingEventProcessor processor : processors()) {
                log.info("Rebuilding projections of processor {}", processor.getName());
                processor.shutDown();
                processor.resetTokens();
                processor.start();
            }
        }
        return progress();
    }

    /** True from the start of a rebuild until every processor has replayed up to where the history stood. */
    public boolean inProgress() {
        if (startedAt.get() == null) {
            return false;
        }
        boolean replaying = processors().stream().anyMatch(StreamingEventProcessor::isReplaying);
        if (!replaying && startedAt.get().isBefore(Instant.now().minusMillis(500))) {
            startedAt.set(null);
        }
        return startedAt.get() != null;
    }

    public Progress progress() {
        Long head = jdbc.queryForObject("SELECT COALESCE(max(global_index), 0) FROM domain_event_entry", Long.class);
        long total = head == null ? 0 : head;
        List<ProcessorProgress> processors = new ArrayList<>();
        long slowest = total;
        for (StreamingEventProcessor processor : processors()) {
            Map<Integer, EventTrackerStatus> status = processor.processingStatus();
            long position = status.values().stream().map(EventTrackerStatus::getCurrentPosition)
                    .mapToLong(current -> current.orElse(0L)).min().orElse(0L);
            processors.add(new ProcessorProgress(processor.getName(), processor.isReplaying(), position, status.size()));
            slowest = Math.min(slowest, position);
        }
        return new Progress(inProgress(), startedAt.get(), Math.max(0, slowest), total, processors);
    }

    private List<StreamingEventProcessor> processors() {
        return processing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance).map(StreamingEventProcessor.class::cast)
                .filter(StreamingEventProcessor::supportsReset).toList();
    }
}
