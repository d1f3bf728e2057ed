package se.region.grantledger.infrastructure.axon;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The event store as the source of the pooled streaming processors, woken when events are committed.
 * <p>
 * Why: a pooled streaming processor whose stream cannot announce new events polls every 500 ms, and the
 * embedded event store's streams cannot. Every write over REST waits for its projection (docs/adr/0005), so
 * each write took about half a second. This source lets each stream accept the availability callback and calls
 * it after every commit that stored events. For a short window after a commit the stream also waits for the
 * event store's reader to fetch the new events, so a wake-up never finds the stream still empty and falls back
 * to the slow schedule.
 */
@Component(PromptEventSource.BEAN_NAME)
public class PromptEventSource implements StreamableMessageSource<TrackedEventMessage<?>> {

    public static final String BEAN_NAME = "promptEventSource";
    /** How long after a commit an empty stream waits for the events to be fetched. */
    static final Duration WAIT_AFTER_COMMIT = Duration.ofMillis(500);

    private final EventStore eventStore;
    private final Set<PromptStream> openStreams = ConcurrentHashMap.newKeySet();

    public PromptEventSource(EventStore eventStore) {
        this.eventStore = eventStore;
        eventStore.subscribe(this::published);
    }

    private void published(List<? extends EventMessage<?>> events) {
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().afterCommit(unitOfWork -> wakeStreams());
        } else {
            wakeStreams();
        }
    }

    private void wakeStreams() {
        openStreams.forEach(PromptStream::eventsCommitted);
    }

    @Override
    public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken trackingToken) {
        PromptStream stream = new PromptStream(eventStore.openStream(trackingToken));
        openStreams.add(stream);
        return stream;
    }

    @Override
    public TrackingToken createTailToken() {
        return eventStore.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return eventStore.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return eventStore.createTokenAt(dateTime);
    }

    private final class PromptStream implements BlockingStream<TrackedEventMessage<?>> {

        private final BlockingStream<TrackedEventMessage<?>> delegate;
        private volatile Runnable onAvailable;
        private volatile long waitUntilNanos = System.nanoTime();

        private PromptStream(BlockingStream<TrackedEventMessage<?>> delegate) {
            this.delegate = delegate;
        }

        void eventsCommitted() {
            waitUntilNanos = System.nanoTime() + WAIT_AFTER_COMMIT.toNanos();
            Runnable callback = onAvailable;
            if (callback != null) {
                callback.run();
            }
        }

        @Override
        public boolean setOnAvailableCallback(Runnable callback) {
            this.onAvailable = callback;
            return true;
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            if (delegate.hasNextAvailable(timeout, unit)) {
                return true;
            }
            long remainingMillis = TimeUnit.NANOSECONDS.toMillis(waitUntilNanos - System.nanoTime());
            return remainingMillis > 0 && delegate.hasNextAvailable((int) remainingMillis, TimeUnit.MILLISECONDS);
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return delegate.peek();
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            return delegate.nextAvailable();
        }

        @Override
        public void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> ignoredMessage) {
            delegate.skipMessagesWithPayloadTypeOf(ignoredMessage);
        }

        @Override
        public void close() {
            openStreams.remove(this);
            delegate.close();
        }
    }
}
