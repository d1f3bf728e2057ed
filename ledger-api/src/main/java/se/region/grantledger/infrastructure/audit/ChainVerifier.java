package se.region.grantledger.infrastructure.audit;

import se.region.grantledger.infrastructure.Sha256;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Recomputes every stream's hash chain from the stored rows, byte for byte as they are in PostgreSQL, and names
 * the first link in each stream that does not hold: an event whose payload or metadata was changed, a missing
 * event (a gap in the sequence), or an event without a hash. Reads with a cursor, so the whole history is never in
 * memory.
 */
@Component
public class ChainVerifier {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JdbcTemplate jdbc;

    /** Its own template: a fetch size makes PostgreSQL's driver read with a cursor inside the transaction. */
    public ChainVerifier(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.jdbc.setFetchSize(500);
    }

    public record BrokenLink(String aggregateIdentifier, long sequenceNumber, long globalIndex, String eventIdentifier,
                             String payloadType, String reason) {
    }

    /**
     * @param digest SHA-256 over every stream's last hash in stream order: an auditor who writes it down can tell
     *               later whether anything up to that point was rewritten, even a whole chain recomputed
     */
    public record Verification(Instant verifiedAt, long streams, long events, boolean intact, BrokenLink firstBrokenLink,
                               List<BrokenLink> brokenStreams, String digest) {
    }

    @Transactional(readOnly = true)
    public Verification verify() {
        Walk walk = new Walk();
        jdbc.query("""
                SELECT aggregate_identifier, sequence_number, global_index, event_identifier, payload_type,
                       payload_revision, payload, meta_data
                FROM domain_event_entry ORDER BY aggregate_identifier, sequence_number""", row -> {
            walk.next(row.getString(1), row.getLong(2), row.getLong(3), row.getString(4), row.getString(5),
                    row.getString(6), row.getBytes(7), row.getBytes(8));
        });
        return walk.result();
    }

    /** The state of the walk through all streams in order. */
    private static final class Walk {
        private final MessageDigest digest = sha256();
        private final List<BrokenLink> broken = new ArrayList<>();
        private String stream;
        private long expectedSequence;
        private String previousHash;
        private boolean streamBroken;
        private long streams;
        private long events;

        void next(String aggregateIdentifier, long sequence, long globalIndex, String eventIdentifier, String type,
                  String revision, byte[] payload, byte[] metaDataBytes) {
            if (!aggregateIdentifier.equals(stream)) {
                closeStream();
                stream = aggregateIdentifier;
                expectedSequence = 0;
                previousHash = EventHash.GENESIS;
                streamBroken = false;
                streams++;
            }
            events++;
            if (streamBroken) {
                return;
            }
            Map<String, Object> metaData = parse(metaDataBytes);
            Object stored = metaData == null ? null : metaData.get(EventHash.METADATA_KEY);
            String reason = null;
            if (sequence != expectedSequence) {
                reason = "events " + expectedSequence + " to " + (sequence - 1) + " are missing";
            } else if (metaData == null) {
                reason = "the metadata is not readable JSON";
            } else if (stored == null) {
                reason = "the event carries no hash";
            } else if (!EventHash.of(previousHash, aggregateIdentifier, sequence, type, revision, payload, metaData)
                    .equals(stored.toString())) {
                reason = "the stored payload or metadata is not what was hashed when the event was appended";
            }
            if (reason != null) {
                broken.add(new BrokenLink(aggregateIdentifier, sequence, globalIndex, eventIdentifier, type, reason));
                streamBroken = true;
                return;
            }
            previousHash = stored.toString();
            expectedSequence = sequence + 1;
        }

        private void closeStream() {
            if (stream != null) {
                digest.update((stream + ":" + (streamBroken ? "broken" : previousHash) + "\n").getBytes(StandardCharsets.UTF_8));
            }
        }

        Verification result() {
            closeStream();
            BrokenLink first = broken.stream().min(Comparator.comparingLong(BrokenLink::globalIndex)).orElse(null);
            return new Verification(Instant.now(), streams, events, broken.isEmpty(), first, List.copyOf(broken),
                    HexFormat.of().formatHex(digest.digest()));
        }

        private static Map<String, Object> parse(byte[] json) {
            try {
                return JSON.readValue(json, new TypeReference<>() {
                });
            } catch (IOException e) {
                return null;
            }
        }

        private static MessageDigest sha256() {
            return Sha256.digest();
        }
    }
}
