package se.region.grantledger.infrastructure.axon;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The cache every aggregate names ({@code @Aggregate(cache = "aggregateCache")}): {@link VerifiedAggregateCache}. */
@Configuration(proxyBeanMethods = false)
class AggregateCacheConfiguration {

    @Bean
    VerifiedAggregateCache aggregateCache(ObjectProvider<EventStore> eventStore) {
        return new VerifiedAggregateCache(eventStore::getObject);
    }
}
