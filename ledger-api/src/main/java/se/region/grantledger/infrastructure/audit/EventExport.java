package se.region.grantledger.infrastructure.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.serialization.Revision;
import org.springframework.jdbc.core.JdbcTemplate;
import se.region.grantledger.infrastructure.axon.AxonConfiguration;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collections;
import java.util.Iterator;
import java.util.stream.Stream;

/**
 * The whole history, or the events recorded in [from, to), in global order as JSON lines, in today's shape (events
 * stored in older revisions pass through the upcasters). Read from the store a batch at a time and written as it
 * is read, so an export is never held in memory (`ExportInASmallHeapIT`).
 */
public class EventExport {

    private static final ObjectMapper STORED_JSON = AxonConfiguration.auditObjectMapper();

    private final EventStorageEngine storage;
    private final JdbcTemplate jdbc;

    public EventExport(EventStorageEngine storage, JdbcTemplate jdbc) {
        this.storage = storage;
        this.jdbc = jdbc;
    }

    /** @return how many events were written */
    public long write(Instant from, Instant to, OutputStream out) throws IOException {
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        long written = 0;
        Long first = from == null ? Long.valueOf(0) : firstRecordedAtOrAfter(from);
        if (first == null) {
            writer.flush();
            return 0; // nothing was recorded since
        }
        TrackingToken start = first <= 1 ? null : GapAwareTrackingToken.newInstance(first - 1, Collections.emptySet());
        try (Stream<? extends TrackedEventMessage<?>> events = storage.readEvents(start, false)) {
            Iterator<? extends TrackedEventMessage<?>> iterator = events.iterator();
            while (iterator.hasNext()) {
                TrackedEventMessage<?> event = iterator.next();
                if (from != null && event.getTimestamp().isBefore(from)) {
                    continue;
                }
                if (to != null && !event.getTimestamp().isBefore(to)) {
                    break;
                }
                writer.write(STORED_JSON.writeValueAsString(line(event)));
                writer.write('\n');
                written++;
            }
        }
        writer.flush();
        return written;
    }

    /** The global index of the first event recorded at or after {@code from}, so what came before need not be read. */
    private Long firstRecordedAtOrAfter(Instant from) {
        Long first = jdbc.queryForObject("SELECT min(global_index) FROM domain_event_entry"
                + " WHERE time_stamp::timestamptz >= ?::timestamptz", Long.class, from.toString());
        return first == null || first == 0 ? null : first;
    }

    private static ObjectNode line(TrackedEventMessage<?> event) {
        ObjectNode line = STORED_JSON.createObjectNode();
        TrackingToken token = event.trackingToken();
        if (token instanceof GapAwareTrackingToken gapAware) {
            line.put("globalIndex", gapAware.getIndex());
        } else if (token instanceof GlobalSequenceTrackingToken global) {
            line.put("globalIndex", global.getGlobalIndex());
        }
        if (event instanceof DomainEventMessage<?> domain) {
            line.put("aggregateType", domain.getType());
            line.put("aggregateIdentifier", domain.getAggregateIdentifier());
            line.put("sequenceNumber", domain.getSequenceNumber());
        }
        line.put("eventIdentifier", event.getIdentifier());
        line.put("type", event.getPayloadType().getSimpleName());
        Revision revision = event.getPayloadType().getAnnotation(Revision.class);
        line.put("revision", revision == null ? null : revision.value());
        line.put("recordedAt", event.getTimestamp().toString());
        line.set("payload", STORED_JSON.valueToTree(event.getPayload()));
        line.set("metaData", STORED_JSON.valueToTree(event.getMetaData()));
        return line;
    }
}
