package se.region.grantledger.infrastructure.projections;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Whether the read models can be trusted now, for the readiness probe ({@code /actuator/health/readiness}) and
 * the metrics. A processor is unhealthy when it is not running, a segment is in error, it is more than
 * {@code ledger.health.max-lag-events} behind the newest event, or it is behind and has not moved for
 * {@code ledger.health.stalled-after}; dead letters waiting make the service not ready too, since some case's
 * read model is stale until an operator acts (docs/reliability.md).
 */
@Component("projections")
public class ProjectionHealth implements HealthIndicator {

    private final EventProcessingConfiguration processing;
    private final JdbcTemplate jdbc;
    private final DeadLetters deadLetters;
    private final MeterRegistry metrics;
    private final long maxLag;
    private final Duration stalledAfter;
    private final Map<String, Progress> lastProgress = new ConcurrentHashMap<>();

    private record Progress(long position, long seenAtNanos) {
    }

    public record ProcessorState(String name, boolean running, boolean error, long position, long lag,
                                 boolean stalled, long deadLetters) {
        boolean healthy(long maxLag) {
            return running && !error && !stalled && lag <= maxLag && deadLetters == 0;
        }
    }

    public ProjectionHealth(EventProcessingConfiguration processing, JdbcTemplate jdbc, DeadLetters deadLetters,
                            MeterRegistry metrics,
                            @Value("${ledger.health.max-lag-events:10000}") long maxLag,
                            @Value("${ledger.health.stalled-after:60s}") Duration stalledAfter) {
        this.processing = processing;
        this.jdbc = jdbc;
        this.deadLetters = deadLetters;
        this.metrics = metrics;
        this.maxLag = maxLag;
        this.stalledAfter = stalledAfter;
    }

    /** Once Axon has built its processors. */
    @EventListener(ApplicationReadyEvent.class)
    public void registerMetrics() {
        processors().forEach(processor -> {
            Gauge.builder("ledger.projection.lag", () -> lag(processor.getName()))
                    .description("events between the newest stored event and the processor's slowest segment")
                    .baseUnit("events").tag("processor", processor.getName()).register(metrics);
            Gauge.builder("ledger.projection.dead.letters",
                            () -> deadLetters.countByProcessor().getOrDefault(processor.getName(), 0L))
                    .description("events the processor could not apply, waiting in its dead-letter queue")
                    .tag("processor", processor.getName()).register(metrics);
        });
    }

    @Override
    public Health health() {
        List<ProcessorState> states = states();
        Map<String, Object> details = new LinkedHashMap<>();
        states.forEach(state -> details.put(state.name(), state));
        boolean healthy = states.stream().allMatch(state -> state.healthy(maxLag));
        return (healthy ? Health.up() : Health.down()).withDetails(details).build();
    }

    public List<ProcessorState> states() {
        long head = head();
        Map<String, Long> letters = deadLetters.countByProcessor();
        Map<String, Long> positions = positions();
        List<ProcessorState> states = new ArrayList<>();
        for (StreamingEventProcessor processor : processors()) {
            boolean error = processor.processingStatus().values().stream().anyMatch(EventTrackerStatus::isErrorState);
            long position = positions.getOrDefault(processor.getName(), 0L);
            long lag = Math.max(0, head - position);
            states.add(new ProcessorState(processor.getName(), processor.isRunning(), error, position, lag,
                    stalled(processor.getName(), position, lag), letters.getOrDefault(processor.getName(), 0L)));
        }
        return states;
    }

    private boolean stalled(String name, long position, long lag) {
        long now = System.nanoTime();
        Progress last = lastProgress.compute(name, (key, previous) ->
                previous == null || previous.position() != position ? new Progress(position, now) : previous);
        return lag > 0 && now - last.seenAtNanos() > stalledAfter.toNanos();
    }

    private long lag(String processor) {
        return Math.max(0, head() - positions().getOrDefault(processor, 0L));
    }

    /**
     * Each processor's slowest segment, from the stored tokens: true for the whole deployment, whichever
     * instance holds which segment. A token being replayed keeps its position under "currentToken".
     */
    private Map<String, Long> positions() {
        Map<String, Long> positions = new LinkedHashMap<>();
        jdbc.query("SELECT processor_name, min(coalesce((t ->> 'index')::bigint, (t -> 'currentToken' ->> 'index')::bigint, 0))"
                        + " FROM (SELECT processor_name, CASE WHEN token IS NULL THEN NULL"
                        + " ELSE convert_from(token, 'UTF8')::jsonb END AS t FROM token_entry) tokens"
                        + " GROUP BY processor_name",
                rs -> {
                    positions.put(rs.getString(1), rs.getLong(2));
                });
        return positions;
    }

    private long head() {
        Long head = jdbc.queryForObject("SELECT COALESCE(max(global_index), 0) FROM domain_event_entry", Long.class);
        return head == null ? 0 : head;
    }

    private List<StreamingEventProcessor> processors() {
        return processing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance).map(StreamingEventProcessor.class::cast).toList();
    }
}
