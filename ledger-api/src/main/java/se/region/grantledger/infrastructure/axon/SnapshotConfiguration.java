package se.region.grantledger.infrastructure.axon;

import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.eventsourcing.snapshotting.RevisionSnapshotFilter;
import org.axonframework.eventsourcing.snapshotting.SnapshotFilter;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.eventsourcing.SpringAggregateSnapshotterFactoryBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import se.region.grantledger.core.appropriation.Appropriation;
import se.region.grantledger.core.exchange.ExchangeRates;
import se.region.grantledger.core.undertaking.Undertaking;

import java.util.concurrent.Executors;

/**
 * Snapshots of the aggregates that many cases load (frames, undertakings, rates); the aggregates name these beans
 * ({@code limitSnapshots} and the filters).
 */
@Configuration(proxyBeanMethods = false)
class SnapshotConfiguration {

    /**
     * Snapshots for the limits that span cases (docs/adr/0009): every decision and payment in a year loads its
     * frame, so the frame's stream grows with the year's activity. A snapshot every {@code every} events keeps that
     * load short. Snapshots are taken after the command's commit, in their own transaction, and are only a cache:
     * one that cannot be read is ignored and the aggregate is rebuilt from its events.
     */
    @Bean
    SpringAggregateSnapshotterFactoryBean snapshotter(PlatformTransactionManager transactions) {
        SpringAggregateSnapshotterFactoryBean snapshotter = new SpringAggregateSnapshotterFactoryBean();
        snapshotter.setTransactionManager(transactions);
        // On a thread of its own, not on the command's: taken synchronously, the snapshot ran while the command
        // still held the frame's lock and needed a second connection, and in a payment run every connection was
        // held by commands waiting for that lock (docs/reliability.md).
        snapshotter.setExecutor(Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "snapshotter");
            thread.setDaemon(true);
            return thread;
        }));
        return snapshotter;
    }

    @Bean
    SnapshotTriggerDefinition limitSnapshots(Snapshotter snapshotter,
                                             @Value("${ledger.snapshots.every:100}") int every) {
        return new EventCountSnapshotTriggerDefinition(afterTheTransaction(snapshotter), every);
    }

    /**
     * Axon asks for a snapshot when the command's unit of work commits. When that unit of work only took part in a
     * larger transaction (an import's batch of rows, or its dry run, which is never committed), its events are not
     * in the store yet, and the snapshotter, on its own connection, found none and failed. The request waits for
     * the larger transaction's commit, and is dropped with a rollback.
     */
    static Snapshotter afterTheTransaction(Snapshotter snapshotter) {
        return (aggregateType, aggregateIdentifier) -> {
            if (TransactionSynchronizationManager.isSynchronizationActive()) {
                TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public void afterCommit() {
                        snapshotter.scheduleSnapshot(aggregateType, aggregateIdentifier);
                    }
                });
            } else {
                snapshotter.scheduleSnapshot(aggregateType, aggregateIdentifier);
            }
        };
    }

    /** Only snapshots of the aggregate's current {@code @Revision} are used; older ones are replayed past. */
    @Bean
    SnapshotFilter appropriationSnapshotFilter() {
        return currentRevisionOnly(Appropriation.class);
    }

    @Bean
    SnapshotFilter undertakingSnapshotFilter() {
        return currentRevisionOnly(Undertaking.class);
    }

    @Bean
    SnapshotFilter exchangeRatesSnapshotFilter() {
        return currentRevisionOnly(ExchangeRates.class);
    }

    private static SnapshotFilter currentRevisionOnly(Class<?> aggregate) {
        return RevisionSnapshotFilter.builder().type(aggregate.getSimpleName())
                .revision(aggregate.getAnnotation(Revision.class).value()).build();
    }
}
