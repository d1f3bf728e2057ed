package se.region.grantledger.infrastructure.audit;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Puts each new event's link of its stream's hash chain into its metadata, just before the unit of work appends
 * the events (Axon runs event dispatch interceptors over the whole batch at prepare-commit, inside the command's
 * transaction). The previous link is the one before it in the same batch, or the stored last event of the
 * stream; a racing append of the same sequence number fails on the primary key and is retried with the winner's
 * hash, so a stream's chain never forks.
 */
public class HashChain implements MessageDispatchInterceptor<EventMessage<?>> {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Serializer eventSerializer;
    private final JdbcTemplate jdbc;

    public HashChain(Serializer eventSerializer, JdbcTemplate jdbc) {
        this.eventSerializer = eventSerializer;
        this.jdbc = jdbc;
    }

    @Override
    public BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(List<? extends EventMessage<?>> messages) {
        Map<String, String> lastHashOfStream = new HashMap<>();
        List<EventMessage<?>> linked = new ArrayList<>(messages.size());
        for (EventMessage<?> message : messages) {
            if (message instanceof DomainEventMessage<?> event && !event.getMetaData().containsKey(EventHash.METADATA_KEY)) {
                String previous = lastHashOfStream.computeIfAbsent(event.getAggregateIdentifier(),
                        stream -> storedHash(stream, event.getSequenceNumber() - 1));
                SerializedObject<byte[]> payload = eventSerializer.serialize(event.getPayload(), byte[].class);
                String hash = EventHash.of(previous, event.getAggregateIdentifier(), event.getSequenceNumber(),
                        payload.getType().getName(), payload.getType().getRevision(), payload.getData(),
                        event.getMetaData());
                lastHashOfStream.put(event.getAggregateIdentifier(), hash);
                linked.add(event.andMetaData(Map.of(EventHash.METADATA_KEY, hash)));
            } else {
                linked.add(message);
            }
        }
        return (index, message) -> linked.get(index);
    }

    /** The hash of a stored event, or the genesis value before the first event. */
    private String storedHash(String aggregateIdentifier, long sequenceNumber) {
        if (sequenceNumber < 0) {
            return EventHash.GENESIS;
        }
        List<byte[]> metaData = jdbc.query("SELECT meta_data FROM domain_event_entry WHERE aggregate_identifier = ?"
                + " AND sequence_number = ?", (row, n) -> row.getBytes(1), aggregateIdentifier, sequenceNumber);
        if (metaData.isEmpty()) {
            return EventHash.GENESIS;
        }
        try {
            Map<String, Object> stored = JSON.readValue(metaData.get(0), new TypeReference<>() {
            });
            Object hash = stored.get(EventHash.METADATA_KEY);
            return hash == null ? EventHash.GENESIS : hash.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
