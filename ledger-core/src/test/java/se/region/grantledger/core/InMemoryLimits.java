package se.region.grantledger.core;

import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.MetaData;
import se.region.grantledger.core.appropriation.Appropriation;
import se.region.grantledger.core.appropriation.EventSourcedAppropriations;
import se.region.grantledger.core.exchange.ExchangeRates;
import se.region.grantledger.core.model.OrganisationNumber;
import se.region.grantledger.core.undertaking.EventSourcedDeMinimisRegister;
import se.region.grantledger.core.undertaking.Undertaking;
import se.region.grantledger.core.undertaking.UndertakingMembers;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The aggregates that hold limits across cases (frames, undertakings, exchange rates) on a real, in-memory Axon
 * configuration. A case's test fixture is given {@link #appropriations} and {@link #deMinimis}; they load these
 * aggregates inside the fixture's unit of work, exactly as the service does, so a refused decision leaves this
 * store untouched and an accepted one appends here.
 */
public final class InMemoryLimits {

    public final Members members = new Members();
    private final Configuration axon;
    public final EventSourcedAppropriations appropriations;
    public final EventSourcedDeMinimisRegister deMinimis;

    public InMemoryLimits() {
        axon = DefaultConfigurer.defaultConfiguration()
                .configureEmbeddedEventStore(c -> new InMemoryEventStorageEngine())
                .configureAggregate(Appropriation.class)
                .configureAggregate(Undertaking.class)
                .configureAggregate(ExchangeRates.class)
                .registerComponent(UndertakingMembers.class, c -> members)
                .buildConfiguration();
        axon.start();
        appropriations = new EventSourcedAppropriations(() -> axon.repository(Appropriation.class));
        deMinimis = new EventSourcedDeMinimisRegister(() -> axon.repository(Undertaking.class),
                () -> axon.repository(ExchangeRates.class), members);
    }

    /** Sends a command to a limit aggregate (allocate a frame, register an undertaking or a rate). */
    public void send(Object command) {
        axon.commandGateway().sendAndWait(command, MetaData.with("user", "setup"));
    }

    /** The payloads stored on one limit's stream, oldest first. */
    public List<Object> eventsOf(String aggregateId) {
        return axon.eventStore().readEvents(aggregateId).asStream().<Object>map(EventMessage::getPayload).toList();
    }

    /** Company memberships in memory, as the PostgreSQL claim table holds them in the service. */
    public static final class Members implements UndertakingMembers {
        private final Map<OrganisationNumber, String> byCompany = new ConcurrentHashMap<>();

        @Override
        public Optional<String> claim(OrganisationNumber company, String undertakingId) {
            String holder = byCompany.putIfAbsent(company, undertakingId);
            return holder == null || holder.equals(undertakingId) ? Optional.empty() : Optional.of(holder);
        }

        @Override
        public Optional<String> undertakingOf(OrganisationNumber company) {
            return Optional.ofNullable(byCompany.get(company));
        }
    }
}
