package se.region.grantledger.infrastructure.audit;

import se.region.grantledger.infrastructure.Sha256;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * The link of one event in its stream's hash chain (docs/audit.md): SHA-256 over the previous event's hash, the
 * stream, the sequence number, the payload type and revision, the payload exactly as stored, and the metadata
 * (without the hash itself) as canonical JSON with its keys sorted. Written once, used both when an event is
 * appended and when an auditor verifies the stored history, so both compute the same bytes.
 */
public final class EventHash {

    /** The metadata key the hash is stored under. */
    public static final String METADATA_KEY = "hash";
    /** What the first event of a stream chains to. */
    public static final String GENESIS = "0".repeat(64);

    private static final ObjectMapper CANONICAL = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();

    private EventHash() {
    }

    public static String of(String previousHash, String aggregateIdentifier, long sequenceNumber, String payloadType,
                            String payloadRevision, byte[] payload, Map<String, ?> metaData) {
        MessageDigest sha256 = sha256();
        for (String part : new String[]{previousHash, aggregateIdentifier, Long.toString(sequenceNumber), payloadType,
                payloadRevision == null ? "" : payloadRevision}) {
            sha256.update(part.getBytes(StandardCharsets.UTF_8));
            sha256.update((byte) '\n');
        }
        sha256.update(payload);
        sha256.update((byte) '\n');
        sha256.update(canonicalMetaData(metaData));
        return HexFormat.of().formatHex(sha256.digest());
    }

    static byte[] canonicalMetaData(Map<String, ?> metaData) {
        Map<String, Object> withoutHash = new TreeMap<>(metaData);
        withoutHash.remove(METADATA_KEY);
        try {
            return CANONICAL.writeValueAsBytes(withoutHash);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("metadata that cannot be written as JSON: " + metaData.keySet(), e);
        }
    }

    private static MessageDigest sha256() {
        return Sha256.digest();
    }
}
