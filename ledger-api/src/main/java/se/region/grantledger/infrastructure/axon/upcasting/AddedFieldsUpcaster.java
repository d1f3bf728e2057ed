package se.region.grantledger.infrastructure.axon.upcasting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

import java.util.List;

/**
 * Lifts a stored event from one revision to the next when the next only added fields: the fields are added
 * with null values, which the event's record reads as "not known when this was recorded". The stored bytes are
 * never changed; the upcast happens each time the event is read.
 */
public class AddedFieldsUpcaster extends SingleEventUpcaster {

    private final SimpleSerializedType from;
    private final SimpleSerializedType to;
    private final List<String> addedFields;

    public AddedFieldsUpcaster(Class<?> eventType, String fromRevision, String toRevision, List<String> addedFields) {
        this.from = new SimpleSerializedType(eventType.getName(), fromRevision);
        this.to = new SimpleSerializedType(eventType.getName(), toRevision);
        this.addedFields = List.copyOf(addedFields);
    }

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return representation.getType().equals(from);
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(to, JsonNode.class, payload -> {
            ObjectNode event = (ObjectNode) payload;
            addedFields.forEach(field -> {
                if (!event.has(field)) {
                    event.set(field, NullNode.getInstance());
                }
            });
            return event;
        });
    }
}
