package se.region.grantledger.infrastructure.projections;

import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.annotation.WrappedMessageHandlingMember;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.stereotype.Component;

import java.util.concurrent.TimeUnit;

/**
 * Tells a waiting write that a projection has committed, instead of letting it poll (docs/adr/0005): every batch of
 * events a projection of this node applies signals after its transaction commits, and a write waiting for its
 * read model looks again at once. A projection on another node does not signal here; the waiter then looks again
 * after at most its poll interval, as before.
 */
@Component
public class ProjectionCommits implements HandlerEnhancerDefinition {

    private static final String SIGNAL_REGISTERED = ProjectionCommits.class.getName();

    private final Object monitor = new Object();
    private long commits;

    /** @return how many projection batches have committed so far: pass it to {@link #awaitAfter} */
    public long count() {
        synchronized (monitor) {
            return commits;
        }
    }

    /** Waits until a batch commits after {@code seen} was counted, or {@code maxMillis} have passed. */
    public void awaitAfter(long seen, long maxMillis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(maxMillis);
        synchronized (monitor) {
            long left;
            while (commits == seen && (left = deadline - System.nanoTime()) > 0) {
                TimeUnit.NANOSECONDS.timedWait(monitor, left);
            }
        }
    }

    void committed() {
        synchronized (monitor) {
            commits++;
            monitor.notifyAll();
        }
    }

    @Override
    public <T> MessageHandlingMember<T> wrapHandler(MessageHandlingMember<T> original) {
        return ProjectionHandlers.isProjection(original) ? new Signalling<>(original) : original;
    }

    /** Registers, once per batch, the signal after its commit. */
    private final class Signalling<T> extends WrappedMessageHandlingMember<T> {

        Signalling(MessageHandlingMember<T> delegate) {
            super(delegate);
        }

        @Override
        public Object handle(Message<?> message, T target) throws Exception {
            if (CurrentUnitOfWork.isStarted()) {
                UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
                if (batch.resources().putIfAbsent(SIGNAL_REGISTERED, Boolean.TRUE) == null) {
                    batch.afterCommit(unitOfWork -> committed());
                }
            }
            return super.handle(message, target);
        }
    }
}
