package se.region.grantledger.infrastructure.axon;

import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.WeakReferenceCache;
import org.axonframework.common.Registration;
import org.axonframework.eventsourcing.AggregateCacheEntry;
import org.axonframework.eventsourcing.eventstore.EventStore;

import java.lang.reflect.Field;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
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
