package se.region.grantledger.infrastructure.axon;

import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.WeakReferenceCache;
import org.axonframework.common.Registration;
import org.axonframework.eventsourcing.AggregateCacheEntry;
import org.axonframework.eventsourcing.eventstore.EventStore;

import java.lang.reflect.Field;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * The aggregates a command loaded, kept for the next command, so that it is not rebuilt from its events (or its
 * last snapshot and the events after it) every time: with a case or a frame of hundreds of events that replay was
 * a third of the write path's CPU (docs/performance.md).
 * <p>
 * Why it can be trusted: an entry is used only if the event store's newest sequence number for the stream is
 * still the one the cached state was built from (one indexed read). Another service node that wrote to the stream
 * in between, or anything else that appended to it, makes the entry stale, and the aggregate is loaded from the
 * store as without a cache. Within a node, Axon's lock on the aggregate and its removal of the entry when a unit
 * of work rolls back keep the cache in step. Entries are held by weak references: under memory pressure they go.
 * <p>
 * Axon's cache entry does not expose the version it was built at, so it is read from its field; if an Axon
 * upgrade renames the field, every entry counts as stale (the cache stops helping but stays correct) and
 * {@code VerifiedAggregateCacheTest} fails.
 */
public class VerifiedAggregateCache implements Cache {

    private static final Field VERSION = versionField();

    /**
     * The aggregates used last, held strongly as well: a weakly held entry goes at the next collection, and a year's
     * frame, loaded by every decision and payment of its year and holding a figure for each of its cases, was then
     * read again from its snapshot many times a second during an import of a hundred thousand projects.
     */
    static final int PINNED = 256;

    private final Cache entries = new WeakReferenceCache();
    private final Map<Object, Object> pinned = Collections.synchronizedMap(new LinkedHashMap<>(PINNED, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Object, Object> eldest) {
            return size() > PINNED;
        }
    });
    private final Supplier<EventStore> eventStore;
    private final ThreadLocal<Writes> recording = new ThreadLocal<>();

    /** The event store is looked up on first use: the repositories that use this cache are built before it. */
    public VerifiedAggregateCache(Supplier<EventStore> eventStore) {
        this.eventStore = eventStore;
    }

    @Override
    public <K, V> V get(K key) {
        V entry = entries.get(key);
        if (entry == null) {
            return null;
        }
        Optional<Long> cachedAt = versionOf(entry);
        Optional<Long> newest = eventStore.get().lastSequenceNumberFor(key.toString());
        if (cachedAt.isEmpty() || !cachedAt.equals(newest)) {
            remove(key);
            return null;
        }
        pinned.put(key, entry);
        return entry;
    }

    /** @return the sequence number of the last event the cached state applied, if this is Axon's entry */
    static Optional<Long> versionOf(Object entry) {
        if (VERSION == null || !(entry instanceof AggregateCacheEntry)) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable((Long) VERSION.get(entry));
        } catch (IllegalAccessException | ClassCastException e) {
            return Optional.empty();
        }
    }

    private static Field versionField() {
        try {
            Field field = AggregateCacheEntry.class.getDeclaredField("version");
            field.setAccessible(true);
            return field;
        } catch (NoSuchFieldException | RuntimeException e) {
            return null;
        }
    }

    static boolean canReadVersions() {
        return VERSION != null;
    }

    @Override
    public void put(Object key, Object value) {
        entries.put(key, value);
        pinned.put(key, value);
        Writes writes = recording.get();
        if (writes != null) {
            writes.keys.add(key);
        }
    }

    /**
     * Notes the aggregates this thread saves until the returned record is closed. Axon drops an aggregate from the
     * cache when its own unit of work rolls back, but not when a savepoint or a transaction around several units of
     * work does (an import's row, its batch, its dry run): the entry then holds events that were never stored, and
     * the version check alone cannot tell once the stream has grown back to that number (another node writing).
     * Such a caller forgets what its record noted. Records nest; an inner one's aggregates are the outer one's too.
     */
    public Writes recordWrites() {
        Writes writes = new Writes(recording.get());
        recording.set(writes);
        return writes;
    }

    /** The aggregates saved on one thread while it was recording. */
    public final class Writes implements AutoCloseable {

        private final Writes outer;
        private final Set<Object> keys = new HashSet<>();

        private Writes(Writes outer) {
            this.outer = outer;
        }

        /** Drops every aggregate saved under this record from the cache: its state was rolled back. */
        public void forget() {
            keys.forEach(VerifiedAggregateCache.this::remove);
            keys.clear();
        }

        @Override
        public void close() {
            recording.set(outer);
            if (outer != null) {
                outer.keys.addAll(keys);
            }
        }
    }

    @Override
    public boolean putIfAbsent(Object key, Object value) {
        return entries.putIfAbsent(key, value);
    }

    @Override
    public <T> T computeIfAbsent(Object key, Supplier<T> valueSupplier) {
        return entries.computeIfAbsent(key, valueSupplier);
    }

    @Override
    public boolean remove(Object key) {
        pinned.remove(key);
        return entries.remove(key);
    }

    @Override
    public void removeAll() {
        pinned.clear();
        entries.removeAll();
    }

    @Override
    public boolean containsKey(Object key) {
        return entries.containsKey(key);
    }

    @Override
    public Registration registerCacheEntryListener(EntryListener cacheEntryListener) {
        return entries.registerCacheEntryListener(cacheEntryListener);
    }

    @Override
    public <V> void computeIfPresent(Object key, UnaryOperator<V> update) {
        entries.computeIfPresent(key, update);
    }
}
