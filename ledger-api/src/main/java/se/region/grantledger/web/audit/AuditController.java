package se.region.grantledger.web.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.serialization.Revision;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import se.region.grantledger.infrastructure.audit.ChainVerifier;
import se.region.grantledger.infrastructure.audit.ChainVerifier.Verification;
import se.region.grantledger.infrastructure.axon.AxonConfiguration;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collections;
import java.util.Iterator;
import java.util.stream.Stream;

/** For auditors: verify the hash chains of the whole history, and export it. */
@RestController
@RequestMapping("/api/audit")
@Tag(name = "Audit")
class AuditController {

    private static final ObjectMapper STORED_JSON = AxonConfiguration.storageObjectMapper();

    private final ChainVerifier verifier;
    private final EventStorageEngine storage;
    private final JdbcTemplate jdbc;

    AuditController(ChainVerifier verifier, EventStorageEngine storage, JdbcTemplate jdbc) {
        this.verifier = verifier;
        this.storage = storage;
        this.jdbc = jdbc;
    }

    @GetMapping("/verify")
    @Operation(summary = "Recompute every stream's hash chain from the stored bytes; name the first broken link")
    Verification verify() {
        return verifier.verify();
    }

    /**
     * Every event recorded in [from, to), in global order, one JSON object a line, in today's shape (older revisions
     * upcast). Written while it is read from the store, a batch at a time, so no export is ever held in memory.
     */
    @GetMapping(value = "/export", produces = "application/x-ndjson")
    @Operation(summary = "The history of all streams in global order as JSON lines, recorded between from and to")
    ResponseEntity<StreamingResponseBody> export(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to) {
        TrackingToken start = startBefore(from);
        StreamingResponseBody body = out -> {
            Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
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
                }
            }
            writer.flush();
        };
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/x-ndjson")).body(body);
    }

    /** A token just before the first event recorded at or after {@code from}, so the export need not read the rest. */
    private TrackingToken startBefore(Instant from) {
        if (from == null) {
            return null;
        }
        Long first = jdbc.queryForObject("SELECT min(global_index) FROM domain_event_entry"
                + " WHERE time_stamp::timestamptz >= ?::timestamptz", Long.class, from.toString());
        return first == null || first <= 1 ? null : GapAwareTrackingToken.newInstance(first - 1, Collections.emptySet());
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
