package se.region.grantledger.infrastructure.projections;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which batches take a savepoint per event: a processor's batch runs straight until one fails, and then that
 * segment's retry, and only that segment's, takes them until it commits. (The savepoints themselves, and a poison
 * event between good ones in one batch: PoisonEventIT.)
 */
class ProjectionSavepointsTest {

    private final ProjectionSavepoints savepoints = new ProjectionSavepoints(null, null);
    private final MessageHandlerInterceptor<EventMessage<?>> guard = savepoints.batchGuard("reports");

    @Test
    void aFailedBatchIsRetriedWithSavepointsOnItsOwnSegmentUntilTheRetryCommits() throws Exception {
        ResultMessage<?> failed = batch(1, () -> {
            throw new IllegalStateException("a value the table cannot take");
        });

        assertThat(failed.isExceptional()).isTrue();
        assertThat(savepoints.retryingWithSavepoints("reports", 1)).isTrue();
        assertThat(savepoints.retryingWithSavepoints("reports", 0)).as("another segment runs straight").isFalse();

        ResultMessage<?> retried = batch(1, () -> "applied");

        assertThat(retried.isExceptional()).isFalse();
        assertThat(savepoints.retryingWithSavepoints("reports", 1)).as("straight again after the retry").isFalse();
    }

    @Test
    void aStraightBatchFailsWholeEvenWhenTheDeadLetterQueueTookTheEvent() throws Exception {
        ResultMessage<?> result = batch(0, () -> {
            ProjectionSavepoints.failed(CurrentUnitOfWork.get().root(), new IllegalStateException("poison"));
            return null; // the dead-letter queue swallowed the handler's exception
        });

        assertThat(result.isExceptional()).isTrue();
        assertThat(result.exceptionResult()).isInstanceOf(ProjectionSavepoints.StraightBatchFailed.class)
                .hasRootCauseMessage("poison");
        assertThat(savepoints.retryingWithSavepoints("reports", 0)).isTrue();
    }

    @Test
    void aRetryThatFailsAgainKeepsItsSavepointsForTheNextTry() throws Exception {
        batch(2, () -> {
            throw new IllegalStateException("first try");
        });

        ResultMessage<?> retried = batch(2, () -> {
            throw new IllegalStateException("the database went away");
        });

        assertThat(retried.isExceptional()).isTrue();
        assertThat(savepoints.retryingWithSavepoints("reports", 2)).isTrue();
    }

    @Test
    void aDeadLetterRetriedOutsideABatchMarksNoSegment() throws Exception {
        ResultMessage<?> result = batch(null, () -> {
            throw new IllegalStateException("still failing");
        });

        assertThat(result.isExceptional()).isTrue();
        for (int segment = 0; segment < 4; segment++) {
            assertThat(savepoints.retryingWithSavepoints("reports", segment)).isFalse();
        }
    }

    /** A batch of two events as the pooled processor runs it, on {@code segment} (null: not a processor's batch). */
    @SuppressWarnings("unchecked")
    private ResultMessage<?> batch(Integer segment, InterceptorChain handlers) throws Exception {
        BatchingUnitOfWork<EventMessage<?>> batch = new BatchingUnitOfWork<>(List.of(
                GenericEventMessage.asEventMessage("first"), GenericEventMessage.asEventMessage("second")));
        if (segment != null) {
            batch.resources().put("Processor[reports]/SegmentId", segment);
        }
        return batch.executeWithResult(() ->
                guard.handle((UnitOfWork<? extends EventMessage<?>>) CurrentUnitOfWork.get(), handlers));
    }
}
