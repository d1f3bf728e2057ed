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
}
