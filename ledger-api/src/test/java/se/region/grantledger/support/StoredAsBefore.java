package se.region.grantledger.support;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.JdbcTemplate;
import se.region.grantledger.infrastructure.audit.EventHash;

import java.io.IOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An event written into the store as an older version of the ledger wrote it (its payload type, revision and JSON as
 * they were then), with its link of the stream's hash chain computed, so that the history stays verifiable.
 */
public final class StoredAsBefore {

    private static final ObjectMapper JSON = new ObjectMapper();

    private StoredAsBefore() {
    }

    /** Appends the event at the stream's next sequence number, by {@code user} with {@code role}. */
    public static void append(JdbcTemplate jdbc, String streamId, String streamType, String payloadType,
                              String revision, byte[] payload, String user, String role) throws IOException {
        Long last = jdbc.queryForObject("SELECT max(sequence_number) FROM domain_event_entry WHERE aggregate_identifier = ?",
                Long.class, streamId);
        long sequence = last == null ? 0 : last + 1;
        String previousHash = EventHash.GENESIS;
        if (last != null) {
            byte[] previous = jdbc.queryForObject("SELECT meta_data FROM domain_event_entry WHERE aggregate_identifier = ?"
                    + " AND sequence_number = ?", byte[].class, streamId, last);
            previousHash = (String) JSON.readValue(previous, new TypeReference<Map<String, Object>>() {
            }).get(EventHash.METADATA_KEY);
        }
        Map<String, Object> metaData = Map.of("user", user, "roles", List.of(role));
        Map<String, Object> stored = new HashMap<>(metaData);
        stored.put(EventHash.METADATA_KEY,
                EventHash.of(previousHash, streamId, sequence, payloadType, revision, payload, metaData));
        jdbc.update("""
                INSERT INTO domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type, time_stamp,
                    payload_type, payload_revision, payload, meta_data) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                UUID.randomUUID().toString(), streamId, sequence, streamType, Instant.now().toString(), payloadType,
                revision, payload, JSON.writeValueAsBytes(stored));
    }
}
