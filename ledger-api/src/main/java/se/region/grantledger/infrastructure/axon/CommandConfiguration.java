package se.region.grantledger.infrastructure.axon;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.commandhandling.gateway.IntervalRetryScheduler;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DataAccessException;
import se.region.grantledger.core.model.Actor;

import java.sql.SQLException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Predicate;

/** How commands travel: retried when they lose a race to append, and carrying who sent them onto their events. */
@Configuration(proxyBeanMethods = false)
class CommandConfiguration {

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

    /** Copies who, from where and in which request onto every event a command causes (Actor's keys). */
    @Bean
    CorrelationDataProvider requestMetadataProvider() {
        return new SimpleCorrelationDataProvider(Actor.METADATA_KEYS.toArray(String[]::new));
    }
}
