package se.region.grantledger.infrastructure.projections;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.annotation.MessageHandlingMember;

/** Which handlers are a projection's: event handlers of a class in a processing group (every read model). */
final class ProjectionHandlers {

    private ProjectionHandlers() {
    }

    static boolean isProjection(MessageHandlingMember<?> handler) {
        return handler.declaringClass().isAnnotationPresent(ProcessingGroup.class)
                && handler.canHandleMessageType(EventMessage.class);
    }
}
