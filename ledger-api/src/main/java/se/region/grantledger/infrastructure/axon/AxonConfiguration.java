package se.region.grantledger.infrastructure.axon;

import com.fasterxml.jackson.databind.DeserializationFeature;
import java.sql.SQLException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Predicate;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.commandhandling.gateway.IntervalRetryScheduler;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventsourcing.eventstore.jpa.SQLStateResolver;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.snapshotting.RevisionSnapshotFilter;
import org.axonframework.eventsourcing.snapshotting.SnapshotFilter;
import org.axonframework.serialization.Revision;
import se.region.grantledger.core.appropriation.Appropriation;
import se.region.grantledger.core.exchange.ExchangeRates;
import se.region.grantledger.core.undertaking.Undertaking;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.spring.eventsourcing.SpringAggregateSnapshotterFactoryBean;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.PlatformTransactionManager;
import se.region.grantledger.core.model.Actor;

/**
 * Axon on the Flyway-owned PostgreSQL schema: snake_case table and column names (see
 * db/migration/V2026_11_22_01__event_store.sql) and JSON everywhere, so that an auditor can read every stored
 * byte. Events get an ObjectMapper of their own: the stored format must not change when someone tunes the
 * REST API's JSON settings.
 */
@Configuration(proxyBeanMethods = false)
public class AxonConfiguration {

    /**
     * Retries a command that lost a race to append to its case (Axon's ConcurrencyException, which happens when two
     * service instances write one case at once). Safe: the retry reloads the case and checks every rule again.
     * Nothing else is retried: a broken rule stays broken.
     */
    @Bean
    CommandGateway commandGateway(CommandBus commandBus) {
        ScheduledExecutorService retries = Executors.newScheduledThreadPool(1, runnable -> {
            Thread thread = new Thread(runnable, "command-retry");
            thread.setDaemon(true);
            return thread;
        });
        Predicate<Throwable> nonTransient = failure -> !(failure instanceof ConcurrencyException
                || failure instanceof SQLException || failure instanceof DataAccessException);
        return DefaultCommandGateway.builder().commandBus(commandBus)
                .retryScheduler(IntervalRetryScheduler.builder()
                        .retryExecutor(retries).retryInterval(10).maxRetryCount(10)
                        .nonTransientFailurePredicate(nonTransient)
                        .build())
                .build();
    }

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
        return new EventCountSnapshotTriggerDefinition(snapshotter, every);
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

    /**
     * PostgreSQL reports a duplicate key by SQLState 23505, not by the vendor error codes Axon's default resolver
     * reads. Without this, two writes racing to append the same sequence number of a case end in an
     * EventStoreException (a 500) instead of a ConcurrencyException (retried, then a 409).
     */
    @Bean
    PersistenceExceptionResolver persistenceExceptionResolver() {
        return new SQLStateResolver("23505");
    }

    /** Copies who, from where and in which request onto every event a command causes (Actor's keys). */
    @Bean
    CorrelationDataProvider requestMetadataProvider() {
        return new SimpleCorrelationDataProvider(Actor.METADATA_KEYS.toArray(String[]::new));
    }

    @Bean
    EventSchema eventSchema() {
        return schema();
    }

    /** The event and snapshot tables as Flyway creates them (snake_case columns, V2026_11_22_01). */
    public static EventSchema schema() {
        return EventSchema.builder()
                .eventTable("domain_event_entry")
                .snapshotTable("snapshot_event_entry")
                .globalIndexColumn("global_index")
                .timestampColumn("time_stamp")
                .eventIdentifierColumn("event_identifier")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .typeColumn("type")
                .payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision")
                .payloadColumn("payload")
                .metaDataColumn("meta_data")
                .build();
    }

    @Bean
    TokenSchema tokenSchema() {
        return TokenSchema.builder()
                .setTokenTable("token_entry")
                .setProcessorNameColumn("processor_name")
                .setSegmentColumn("segment")
                .setTokenColumn("token")
                .setTokenTypeColumn("token_type")
                .setTimestampColumn("timestamp")
                .setOwnerColumn("owner")
                .build();
    }

    @Bean
    DeadLetterSchema deadLetterSchema() {
        return DeadLetterSchema.builder()
                .deadLetterTable("dead_letter_entry")
                .deadLetterIdentifierColumn("dead_letter_id")
                .processingGroupColumn("processing_group")
                .sequenceIdentifierColumn("sequence_identifier")
                .sequenceIndexColumn("sequence_index")
                .messageTypeColumn("message_type")
                .eventIdentifierColumn("event_identifier")
                .timestampColumn("time_stamp")
                .payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision")
                .payloadColumn("payload")
                .metaDataColumn("meta_data")
                .aggregateTypeColumn("aggregate_type")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .tokenTypeColumn("token_type")
                .tokenColumn("token")
                .enqueuedAtColumn("enqueued_at")
                .lastTouchedColumn("last_touched")
                .processingStartedColumn("processing_started")
                .causeTypeColumn("cause_type")
                .causeMessageColumn("cause_message")
                .diagnosticsColumn("diagnostics")
                .build();
    }

    /** The stored JSON of events, tokens and snapshots: ISO dates, amounts as plain decimal numbers. */
    public static ObjectMapper storageObjectMapper() {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                // Older events may lack fields added since; upcasters fill what matters, the rest stays absent.
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
    }

    @Bean
    @Primary
    Serializer serializer() {
        return JacksonSerializer.builder().objectMapper(storageObjectMapper()).defaultTyping().build();
    }

    @Bean
    @Qualifier("eventSerializer")
    Serializer eventSerializer() {
        return JacksonSerializer.builder().objectMapper(storageObjectMapper()).build();
    }

    @Bean
    @Qualifier("messageSerializer")
    Serializer messageSerializer() {
        return JacksonSerializer.builder().objectMapper(storageObjectMapper()).build();
    }
}
