package se.region.grantledger.infrastructure.axon;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.serialization.Serializer;
import org.axonframework.springboot.TokenStoreProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import se.region.grantledger.infrastructure.liveness.ServiceInstance;

import java.lang.management.ManagementFactory;

/**
 * The event processors' token store, with an owner name that is this service instance's alone.
 * <p>
 * Axon names a segment's owner {@code pid@host} by default. Two instances with the same name (two services in one
 * JVM, as TwoInstancesRaceIT runs them, or two containers that share a hostname and both run as pid 1) each
 * took the other's claims for its own, processed the same segment at the same time and stored each other's
 * tokens: that is how 20 recoveries showed as 19 on a project's status. Adding the instance's random id makes
 * every claim unambiguous: a segment is processed by one instance at a time, and an instance whose claim was
 * taken over cannot store its token, so its batch rolls back.
 */
@Configuration(proxyBeanMethods = false)
class TokenStoreConfiguration {

    @Bean
    TokenStore tokenStore(ConnectionProvider connectionProvider, Serializer serializer, TokenSchema tokenSchema,
                          TokenStoreProperties properties, ServiceInstance instance) {
        return JdbcTokenStore.builder()
                .connectionProvider(connectionProvider)
                .schema(tokenSchema)
                .serializer(serializer)
                .claimTimeout(properties.getClaimTimeout())
                .nodeId(ManagementFactory.getRuntimeMXBean().getName() + "#" + instance.id())
                .build();
    }
}
