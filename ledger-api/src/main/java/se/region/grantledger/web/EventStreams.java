package se.region.grantledger.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.Revision;
import org.springframework.stereotype.Component;
import se.region.grantledger.infrastructure.axon.AxonConfiguration;

import java.util.List;

/** One aggregate's stored events as auditors read them, oldest first, with recorded time and metadata. */
@Component
public class EventStreams {

    private static final ObjectMapper STORED_JSON = AxonConfiguration.auditObjectMapper();

    private final EventStore eventStore;

    public EventStreams(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    /**
     * Every event of the stream from its first, never a snapshot: an auditor sees the whole history, however the
     * aggregate is loaded for commands.
     *
     * @param streamType a {@link se.region.grantledger.core.api.StreamType}
     * @throws NotFound if no stream of this type has the id (ids of other types are not shown)
     */
    public List<EventView> of(String streamType, String aggregateId, String whatForMessages) {
        List<EventView> events = eventStore.readEvents(aggregateId, 0).asStream()
                .filter(event -> streamType.equals(event.getType()))
                .map(EventStreams::view).toList();
        if (events.isEmpty()) {
            throw new NotFound(whatForMessages + " " + aggregateId);
        }
        return events;
    }

    /** True if some stream, of any kind, already uses the id. */
    public boolean taken(String aggregateId) {
        return eventStore.lastSequenceNumberFor(aggregateId).isPresent();
    }

    private static EventView view(DomainEventMessage<?> event) {
        Revision revision = event.getPayloadType().getAnnotation(Revision.class);
        return new EventView(event.getSequenceNumber(), event.getPayloadType().getSimpleName(),
                revision == null ? null : revision.value(), event.getTimestamp(), event.getIdentifier(),
                STORED_JSON.valueToTree(event.getPayload()), event.getMetaData());
    }
}
