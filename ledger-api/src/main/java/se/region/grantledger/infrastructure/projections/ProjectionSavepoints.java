package se.region.grantledger.infrastructure.projections;

import jakarta.persistence.EntityManager;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.annotation.WrappedMessageHandlingMember;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.Savepoint;

/**
 * Each projection's handling of one event in a savepoint of the batch's transaction. Without it, one event that a
 * read-model table cannot take (a value too large for its column) aborts PostgreSQL's transaction; the dead-letter
 * queue's insert then fails in the same aborted transaction, the batch rolls back and is retried forever, and the
 * whole segment stops. With it, the failed event's changes are rolled back to the savepoint, the transaction stays
 * usable, the dead-letter queue takes the event, and the segment carries on with the next one.
 * <p>
 * JPA projections are flushed inside the savepoint, so their failures surface here and not at commit, and the
 * persistence context is cleared after a failure so the half-applied entity is not flushed again.
 */
@Component
public class ProjectionSavepoints implements HandlerEnhancerDefinition {

    private final ObjectProvider<DataSource> dataSource;
    private final ObjectProvider<EntityManager> entityManager;

    public ProjectionSavepoints(ObjectProvider<DataSource> dataSource, ObjectProvider<EntityManager> entityManager) {
        this.dataSource = dataSource;
        this.entityManager = entityManager;
    }

    @Override
    public <T> MessageHandlingMember<T> wrapHandler(MessageHandlingMember<T> original) {
        boolean projection = original.declaringClass().isAnnotationPresent(ProcessingGroup.class)
                && original.canHandleMessageType(EventMessage.class);
        return projection ? new Savepointed<>(original) : original;
    }

    private final class Savepointed<T> extends WrappedMessageHandlingMember<T> {

        Savepointed(MessageHandlingMember<T> delegate) {
            super(delegate);
        }

        @Override
        public Object handle(Message<?> message, T target) throws Exception {
            if (!TransactionSynchronizationManager.isActualTransactionActive()) {
                return super.handle(message, target);
            }
            Connection connection = DataSourceUtils.getConnection(dataSource.getObject());
            Savepoint savepoint = connection.setSavepoint();
            EntityManager jpa = entityManager.getObject();
            try {
                Object result = super.handle(message, target);
                jpa.flush();
                connection.releaseSavepoint(savepoint);
                return result;
            } catch (Exception | Error failure) {
                connection.rollback(savepoint);
                jpa.clear();
                throw failure;
            }
        }
    }
}
