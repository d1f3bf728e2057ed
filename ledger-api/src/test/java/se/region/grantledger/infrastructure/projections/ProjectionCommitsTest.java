package se.region.grantledger.infrastructure.projections;

import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** A waiting write wakes when a projection commits, not at the end of its poll interval, and never misses one. */
class ProjectionCommitsTest {

    private final ProjectionCommits commits = new ProjectionCommits();

    @Test
    void aWaiterWakesAtTheCommit() throws Exception {
        long seen = commits.count();
        CompletableFuture.runAsync(commits::committed, CompletableFuture.delayedExecutor(50, TimeUnit.MILLISECONDS));

        long started = System.nanoTime();
        commits.awaitAfter(seen, 10_000);

        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).isLessThan(5_000);
        assertThat(commits.count()).isEqualTo(seen + 1);
    }

    @Test
    void aCommitBeforeTheWaitIsNotMissed() throws Exception {
        long seen = commits.count();
        commits.committed();

        long started = System.nanoTime();
        commits.awaitAfter(seen, 10_000);

        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).isLessThan(1_000);
    }

    @Test
    void withoutACommitTheWaitEndsAtItsLimit() throws Exception {
        long started = System.nanoTime();
        commits.awaitAfter(commits.count(), 30);

        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).isBetween(29L, 5_000L);
    }
}
