package se.region.grantledger.infrastructure.projections;

import jakarta.persistence.EntityManager;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.annotation.WrappedMessageHandlingMember;
import org.hibernate.engine.spi.SessionImplementor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.orm.jpa.EntityManagerHolder;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import javax.sql.DataSource;
import java.lang.reflect.Field;
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

    private static final Logger log = LoggerFactory.getLogger(ProjectionSavepoints.class);

    private final ObjectProvider<DataSource> dataSource;
    private final ObjectProvider<EntityManager> entityManager;

    public ProjectionSavepoints(ObjectProvider<DataSource> dataSource, ObjectProvider<EntityManager> entityManager) {
        this.dataSource = dataSource;
        this.entityManager = entityManager;
    }

    @Override
    public <T> MessageHandlingMember<T> wrapHandler(MessageHandlingMember<T> original) {
        return ProjectionHandlers.isProjection(original) ? new Savepointed<>(original) : original;
    }

    /**
     * A JPA failure marks the whole transaction rollback-only, in Spring's holder and in Hibernate's transaction,
     * although the savepoint has already undone the event's changes. Hibernate offers no call to take the mark
     * back, so its field is reset by reflection; should a Hibernate upgrade rename it, the batch fails as it did
     * before this class and PoisonEventIT says so.
     */
    private void forgetRollbackOnly(EntityManager jpa) {
        if (TransactionSynchronizationManager.getResource(jpa.getEntityManagerFactory()) instanceof EntityManagerHolder holder) {
            holder.resetRollbackOnly();
        }
        try {
            Object driver = jpa.unwrap(SessionImplementor.class).getTransactionCoordinator().getTransactionDriverControl();
            Field rollbackOnly = driver.getClass().getDeclaredField("rollbackOnly");
            rollbackOnly.setAccessible(true);
            rollbackOnly.setBoolean(driver, false);
        } catch (ReflectiveOperationException | RuntimeException unknownHibernate) {
            log.error("Cannot clear Hibernate's rollback-only mark; the projection's batch will be retried whole",
                    unknownHibernate);
        }
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
                forgetRollbackOnly(jpa);
                throw failure;
            }
        }
    }
}
