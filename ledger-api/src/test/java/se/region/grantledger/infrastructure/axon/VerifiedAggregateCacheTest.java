package se.region.grantledger.infrastructure.axon;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cache can only be trusted while it can read the version each entry was built at (Axon keeps it in a private
 * field). An Axon upgrade that renames the field fails here, not silently in production. That a stale entry is
 * not used across service instances is shown by {@code TwoInstancesRaceIT}.
 */
class VerifiedAggregateCacheTest {

    @Test
    void itReadsTheVersionOfAxonsCacheEntries() {
        assertThat(VerifiedAggregateCache.canReadVersions()).isTrue();
    }

    @Test
    void anythingElseInTheCacheCountsAsStale() {
        assertThat(VerifiedAggregateCache.versionOf("not an entry")).isEmpty();
        assertThat(VerifiedAggregateCache.versionOf(null)).isEmpty();
    }

    @Test
    void aRecordForgetsTheAggregatesSavedUnderItAndNoOthers() {
        VerifiedAggregateCache cache = new VerifiedAggregateCache(() -> null);
        cache.put("before", "state");
        VerifiedAggregateCache.Writes batch = cache.recordWrites();
        try (batch) {
            cache.put("frame", "state");
            try (VerifiedAggregateCache.Writes row = cache.recordWrites()) {
                cache.put("case", "state");
                row.forget();
            }
            assertThat(cache.containsKey("case")).as("forgotten with its row").isFalse();
            assertThat(cache.containsKey("frame")).as("the row's record forgets only its own").isTrue();
            try (VerifiedAggregateCache.Writes row = cache.recordWrites()) {
                cache.put("other case", "state");
            }
            batch.forget();
        }
        assertThat(cache.containsKey("frame")).isFalse();
        assertThat(cache.containsKey("other case")).as("an inner record's aggregates are the outer one's").isFalse();
        assertThat(cache.containsKey("before")).as("saved before the record began").isTrue();

        cache.put("after", "state");
        batch.forget();
        assertThat(cache.containsKey("after")).as("a closed record notes nothing more").isTrue();
    }
}
