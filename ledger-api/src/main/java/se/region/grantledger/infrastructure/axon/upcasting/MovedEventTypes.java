package se.region.grantledger.infrastructure.axon.upcasting;

import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Reads events stored under a class name the event no longer has. The stored payload type is the event's fully
 * qualified class name; when the messages moved from one flat {@code core.api} package into one package per
 * feature (docs/adr/0013), every event stored before kept its old name. This upcaster runs first in the chain and
 * renames, so every later upcaster and handler sees the name of today. The stored rows, and so the hash chain,
 * are never touched.
 */
public class MovedEventTypes extends SingleEventUpcaster {

    private final Map<String, String> currentNameByFormer;

    public MovedEventTypes(Map<String, Class<?>> movedFrom) {
        this.currentNameByFormer = Map.copyOf(movedFrom.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, moved -> moved.getValue().getName())));
    }

    /** Each class by the name it had in {@code formerPackage}, e.g. {@code se.region.grantledger.core.api}. */
    public static Map<String, Class<?>> formerlyIn(String formerPackage, Class<?>... classes) {
        return Stream.of(classes).collect(Collectors.toMap(moved -> formerPackage + "." + moved.getSimpleName(),
                Function.identity()));
    }

    /** The name an event stored as {@code storedName} has today, if it moved. */
    public Optional<String> currentName(String storedName) {
        return Optional.ofNullable(currentNameByFormer.get(storedName));
    }

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return currentNameByFormer.containsKey(representation.getType().getName());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        SimpleSerializedType renamed = new SimpleSerializedType(
                currentNameByFormer.get(representation.getType().getName()), representation.getType().getRevision());
        return representation.upcastPayload(renamed, byte[].class, Function.identity());
    }
}
