package se.region.grantledger.web;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.Map;

/** One stored event as auditors read it: its place in the stream, when it was recorded, what it says. */
public record EventView(long sequence, String type, String revision, Instant recordedAt, String eventId,
                        JsonNode payload, Map<String, Object> metadata) {
}
