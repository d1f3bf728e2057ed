package se.region.grantledger.infrastructure.audit;

import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** Every event appended from now on carries its link of the stream's hash chain (docs/audit.md). */
@Configuration(proxyBeanMethods = false)
class AuditConfiguration {

    @Bean
    EventExport eventExport(EventStorageEngine storage, JdbcTemplate jdbc) {
        return new EventExport(storage, jdbc);
    }

    /** Registered while the context is built, before any command can append an event. */
    @Bean
    HashChain hashChain(EventStore eventStore, @Qualifier("eventSerializer") Serializer eventSerializer, JdbcTemplate jdbc) {
        HashChain chain = new HashChain(eventSerializer, jdbc);
        eventStore.registerDispatchInterceptor(chain);
        return chain;
    }
}
