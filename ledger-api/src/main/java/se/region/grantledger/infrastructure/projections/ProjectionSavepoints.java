package se.region.grantledger.infrastructure.projections;

import jakarta.persistence.EntityManager;
import org.axonframework.config.Configurer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.annotation.WrappedMessageHandlingMember;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.hibernate.engine.spi.SessionImplementor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.orm.jpa.EntityManagerHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import javax.sql.DataSource;
import java.lang.reflect.Field;
import java.sql.Connection;
import java.sql.Savepoint;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A projection's batch of events is one transaction, with a savepoint around each event only when the batch needs
 * it. Without savepoints, one event that a read-model table cannot take (a value too large for its column) aborts
 * PostgreSQL's transaction; the dead-letter queue's insert then fails in the same aborted transaction, the batch
 * rolls back, is retried, fails again, and the whole segment stops.
 * <p>
 * So a batch first runs <em>straight</em>: no savepoint, JPA flushed once at commit. If any of its events fails,
 * or its commit does, the batch is rolled back whole and its segment is marked; Axon retries the segment from the
 * same token, and that retry runs <em>with savepoints</em>: each event in a savepoint of the batch's transaction,
 * JPA flushed inside it, so a failure is rolled back to its savepoint, the dead-letter queue takes the event in
 * the batch's transaction (atomically with the token), and the segment carries on with the next event. Once a
 * batch with savepoints has committed, the segment's batches run straight again. Savepoints on every event cost
 * two round trips and a flush each; a rebuild runs millions of events through here (docs/performance.md).
 * <p>
 * Handlers called outside a processor's batch (a dead letter retried, an as-of replay) always take savepoints.
 */
@Component
public class ProjectionSavepoints implements HandlerEnhancerDefinition, ConfigurerModule {

    private static final Logger log = LoggerFactory.getLogger(ProjectionSavepoints.class);
    private static final String MODE = ProjectionSavepoints.class.getName() + ".mode";
    private static final String FAILED = ProjectionSavepoints.class.getName() + ".failed";

    private enum Mode { STRAIGHT, WITH_SAVEPOINTS }

    private final ObjectProvider<DataSource> dataSource;
    private final ObjectProvider<EntityManager> entityManager;
    /** Processor and segment whose last straight batch failed: their next batch takes savepoints. */
    private final Set<String> segmentsToRetryWithSavepoints = ConcurrentHashMap.newKeySet();

    public ProjectionSavepoints(ObjectProvider<DataSource> dataSource, ObjectProvider<EntityManager> entityManager) {
        this.dataSource = dataSource;
        this.entityManager = entityManager;
    }

    @Override
    public <T> MessageHandlingMember<T> wrapHandler(MessageHandlingMember<T> original) {
        return ProjectionHandlers.isProjection(original) ? new Savepointed<>(original) : original;
    }

    @Override
    public void configureModule(Configurer configurer) {
        configurer.eventProcessing().registerDefaultHandlerInterceptor((config, processor) -> batchGuard(processor));
    }

    MessageHandlerInterceptor<EventMessage<?>> batchGuard(String processor) {
        return new BatchGuard(processor);
    }

    /** A straight batch's handler failed; the dead-letter queue may still take the event, the batch must not stay. */
    static void failed(UnitOfWork<?> batch, Throwable failure) {
        batch.resources().putIfAbsent(FAILED, failure);
    }

    /** True while the processor's segment retries a failed batch with savepoints (for tests and operations). */
    public boolean retryingWithSavepoints(String processor, int segment) {
        return segmentsToRetryWithSavepoints.contains(processor + "/" + segment);
    }

    /**
     * Around each event of a processor's batch, outside the dead-letter queue (which takes every exception a
     * handler throws): chooses the batch's mode at its first event, and fails a straight batch at the first event
     * that failed, whether or not the dead-letter queue took it, so that nothing of the batch is kept.
     */
    private final class BatchGuard implements MessageHandlerInterceptor<EventMessage<?>> {

        private final String processor;

        BatchGuard(String processor) {
            this.processor = processor;
        }

        @Override
        public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
            UnitOfWork<?> batch = unitOfWork.root();
            Mode mode = (Mode) batch.resources().computeIfAbsent(MODE, key -> begin(batch));
            Object result = chain.proceed();
            Throwable failed = batch.getResource(FAILED);
            if (mode == Mode.STRAIGHT && failed != null) {
                throw new StraightBatchFailed(processor, failed);
            }
            return result;
        }

        private Mode begin(UnitOfWork<?> batch) {
            // The pooled processor names the batch's segment among its resources. Without it this is not a batch
            // of the processor's stream but a dead letter retried, which must fail in its handler, not at commit.
            Object segmentId = batch.getResource("Processor[" + processor + "]/SegmentId");
            if (segmentId == null) {
                return Mode.WITH_SAVEPOINTS;
            }
            String segment = processor + "/" + segmentId;
            if (segmentsToRetryWithSavepoints.contains(segment)) {
                batch.afterCommit(committed -> segmentsToRetryWithSavepoints.remove(segment));
                return Mode.WITH_SAVEPOINTS;
            }
            batch.onRollback(rolledBack -> {
                if (segmentsToRetryWithSavepoints.add(segment)) {
                    log.info("A batch of {} failed; segment {} retries it with a savepoint around each event",
                            processor, segment);
                }
            });
            return Mode.STRAIGHT;
        }
    }

    /** Rolls a straight batch back so that its retry, with savepoints, can set the failing event apart. */
    static final class StraightBatchFailed extends RuntimeException {
        StraightBatchFailed(String processor, Throwable cause) {
            super("An event of a batch of " + processor + " failed; the batch is retried with savepoints", cause);
        }
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
            UnitOfWork<?> batch = CurrentUnitOfWork.isStarted() ? CurrentUnitOfWork.get().root() : null;
            if (batch != null && batch.getResource(MODE) == Mode.STRAIGHT) {
                try {
                    return super.handle(message, target);
                } catch (Exception | Error failure) {
                    failed(batch, failure);
                    throw failure;
                }
            }
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
