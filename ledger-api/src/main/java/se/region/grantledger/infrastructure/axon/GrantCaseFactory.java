package se.region.grantledger.infrastructure.axon;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.AggregateFactory;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import se.region.grantledger.core.api.StreamType;
import se.region.grantledger.core.cases.GrantCase;
import se.region.grantledger.core.project.Project;
import se.region.grantledger.core.support.BusinessSupport;
import se.region.grantledger.core.support.CommercialServiceGrant;

import java.lang.reflect.Constructor;
import java.util.Map;

/**
 * Which kind of case a stream is, from the aggregate {@code type} its events are stored with (docs/adr/0013).
 * Projects, business support and commercial service are one polymorphic aggregate, {@link GrantCase}; each stream
 * has stored its subtype's simple name since its first event, so that name picks the class to rebuild. A stream of
 * another aggregate altogether (a frame, a currency's rates) is refused as {@link IncompatibleAggregateException},
 * which the API answers as "not found". Axon's own factory would fail there with a NullPointerException.
 */
@Configuration(proxyBeanMethods = false)
class GrantCaseFactory {

    /** The stored {@code type} of each kind of case. Never change a key: ten years of streams are stored so. */
    static final Map<String, Class<? extends GrantCase>> BY_STORED_TYPE = Map.of(
            StreamType.PROJECT, Project.class,
            StreamType.BUSINESS_SUPPORT, BusinessSupport.class,
            StreamType.COMMERCIAL_SERVICE_GRANT, CommercialServiceGrant.class);

    /** Axon's Spring support uses the bean named after the aggregate root: {@code grantCase} + AggregateFactory. */
    @Bean
    AggregateFactory<GrantCase> grantCaseAggregateFactory() {
        return new AggregateFactory<>() {
            @Override
            public GrantCase createAggregateRoot(String aggregateIdentifier, DomainEventMessage<?> firstEvent) {
                Class<? extends GrantCase> kind = BY_STORED_TYPE.get(firstEvent.getType());
                if (kind == null) {
                    throw new IncompatibleAggregateException("stream " + aggregateIdentifier + " is a "
                            + firstEvent.getType() + ", not a case");
                }
                try {
                    Constructor<? extends GrantCase> forAxon = kind.getDeclaredConstructor();
                    forAxon.setAccessible(true);
                    return forAxon.newInstance();
                } catch (ReflectiveOperationException e) {
                    throw new IncompatibleAggregateException("cannot rebuild a " + kind.getSimpleName(), e);
                }
            }

            @Override
            public Class<GrantCase> getAggregateType() {
                return GrantCase.class;
            }
        };
    }
}
