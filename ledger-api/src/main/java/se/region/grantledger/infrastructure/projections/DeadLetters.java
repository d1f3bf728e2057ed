package se.region.grantledger.infrastructure.projections;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Events a projection could not apply, kept in the dead-letter queue of their processor (ProjectionSavepoints)
 * while the processor carries on. Later events of the same case wait behind them, so the case's read model stays
 * as it was before the first failure until an operator retries (after a fix) or skips the letter. A skipped event
 * stays in the event store; only its read model misses it, and the skip is logged.
 */
@Component
public class DeadLetters {

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

    private final JdbcTemplate jdbc;
    private final EventProcessingConfiguration processing;

    public DeadLetters(JdbcTemplate jdbc, EventProcessingConfiguration processing) {
        this.jdbc = jdbc;
        this.processing = processing;
    }

    public record Letter(String deadLetterId, String processor, String sequence, long index, String eventId,
                         String payloadType, String cause, Instant enqueuedAt, Instant lastTouched) {
    }

    public record RetryResult(String processor, int sequencesApplied, long stillWaiting) {
    }

    public List<Letter> list() {
        return jdbc.query("SELECT dead_letter_id, processing_group, sequence_identifier, sequence_index,"
                        + " event_identifier, payload_type, cause_type, cause_message, enqueued_at, last_touched"
                        + " FROM dead_letter_entry ORDER BY processing_group, sequence_identifier, sequence_index",
                (rs, row) -> new Letter(rs.getString("dead_letter_id"), rs.getString("processing_group"),
                        rs.getString("sequence_identifier"), rs.getLong("sequence_index"),
                        rs.getString("event_identifier"), rs.getString("payload_type"),
                        rs.getString("cause_type") + ": " + rs.getString("cause_message"),
                        instant(rs.getString("enqueued_at")), instant(rs.getString("last_touched"))));
    }

    /** Axon's dead-letter table keeps its times as ISO-8601 text. */
    private static Instant instant(String stored) {
        return stored == null ? null : Instant.parse(stored);
    }

    /** Dead letters waiting, by processor. */
    public Map<String, Long> countByProcessor() {
        return jdbc.query("SELECT processing_group, count(*) AS letters FROM dead_letter_entry GROUP BY processing_group",
                        (rs, row) -> Map.entry(rs.getString(1), rs.getLong(2)))
                .stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** Runs every waiting sequence of the processor through its handlers again; what fails again stays. */
    public RetryResult retry(String processor) {
        SequencedDeadLetterProcessor<EventMessage<?>> letters = processing.sequencedDeadLetterProcessor(processor)
                .orElseThrow(() -> new UnknownProcessor(processor));
        long sequences = queue(processor).amountOfSequences();
        int applied = 0;
        for (long i = 0; i < sequences; i++) {
            if (letters.processAny()) {
                applied++;
            }
        }
        log.info("Dead letters of {} retried: {} of {} sequences applied", processor, applied, sequences);
        return new RetryResult(processor, applied, queue(processor).size());
    }

    /**
     * Takes one letter out of its queue without applying it, then retries the letters that waited behind it.
     *
     * @return the letter skipped, or empty if there is none with that id
     */
    public Optional<Letter> skip(String deadLetterId) {
        Optional<Letter> letter = list().stream().filter(l -> l.deadLetterId().equals(deadLetterId)).findFirst();
        letter.ifPresent(skipped -> {
            SequencedDeadLetterQueue<EventMessage<?>> queue = queue(skipped.processor());
            for (DeadLetter<? extends EventMessage<?>> waiting : queue.deadLetterSequence(skipped.sequence())) {
                if (waiting.message().getIdentifier().equals(skipped.eventId())) {
                    queue.evict(waiting);
                    log.warn("Dead letter skipped by an operator: processor {}, event {} ({}), cause {}",
                            skipped.processor(), skipped.eventId(), skipped.payloadType(), skipped.cause());
                    break;
                }
            }
            processing.sequencedDeadLetterProcessor(skipped.processor()).ifPresent(letters ->
                    letters.process(first -> sequenceOf(first, skipped.processor()).equals(skipped.sequence())));
        });
        return letter;
    }

    private String sequenceOf(DeadLetter<? extends EventMessage<?>> letter, String processor) {
        return jdbc.queryForList("SELECT sequence_identifier FROM dead_letter_entry WHERE processing_group = ?"
                        + " AND event_identifier = ?", String.class, processor, letter.message().getIdentifier())
                .stream().findFirst().orElse("");
    }

    private SequencedDeadLetterQueue<EventMessage<?>> queue(String processor) {
        return processing.deadLetterQueue(processor).orElseThrow(() -> new UnknownProcessor(processor));
    }

    /** No processor of that name keeps a dead-letter queue. */
    public static final class UnknownProcessor extends RuntimeException {
        UnknownProcessor(String processor) {
            super("no processor '" + processor + "' with a dead-letter queue", null, false, false);
        }
    }
}
