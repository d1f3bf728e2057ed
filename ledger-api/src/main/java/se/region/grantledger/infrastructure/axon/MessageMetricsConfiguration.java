package se.region.grantledger.infrastructure.axon;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.config.Configurer;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.messaging.Message;
import org.axonframework.micrometer.EventProcessorLatencyMonitor;
import org.axonframework.micrometer.GlobalMetricRegistry;
import org.axonframework.micrometer.MessageCountingMonitor;
import org.axonframework.micrometer.MessageTimerMonitor;
import org.axonframework.micrometer.MetricsConfigurerModule;
import org.axonframework.micrometer.TagsUtil;
import org.axonframework.monitoring.MessageMonitor;
import org.axonframework.monitoring.MultiMessageMonitor;
import org.axonframework.monitoring.NoOpMessageMonitor;
import org.axonframework.queryhandling.QueryBus;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Axon's message metrics with the names and tags its Micrometer module gives them (counters and timers of the
 * {@code commandBus}, {@code eventBus}, {@code queryBus} and every {@code eventProcessor}, and each processor's
 * latency), all but its capacity gauge (docs/adr/0019).
 * <p>
 * Why not that gauge: it keeps the duration of every message of the last ten minutes in a sorted map, one for each
 * processor and payload type, and reads them only when the gauge is read. Under a sustained load that is every
 * event five times over (once for each processor): during an import of 30 000 projects it held 1.5 million entries,
 * 125 MiB of a 256 MiB heap, and the service spent a quarter of its time collecting garbage and slowed fivefold.
 * The same busy fraction is the rate of the processor timer's sum ({@code rate(eventProcessor_seconds_sum[1m])}).
 */
@Configuration(proxyBeanMethods = false)
class MessageMetricsConfiguration {

    /** Replaces the module Axon's auto-configuration would register (it is conditional on there being none). */
    @Bean
    MetricsConfigurerModule metricsConfigurerModule(GlobalMetricRegistry metrics) {
        return new WithoutCapacityGauges(metrics);
    }

    static final class WithoutCapacityGauges extends MetricsConfigurerModule {

        private final MeterRegistry registry;

        WithoutCapacityGauges(GlobalMetricRegistry metrics) {
            super(metrics, true);
            this.registry = metrics.getRegistry();
        }

        @Override
        public void configureModule(Configurer configurer) {
            configurer.configureMessageMonitor(configuration -> this::monitorOf);
        }

        /** The monitor of one component: what Axon's dimensional registration gives it, less the capacity gauge. */
        MessageMonitor<Message<?>> monitorOf(Class<?> componentType, String componentName) {
            if (EventProcessor.class.isAssignableFrom(componentType)) {
                Function<Message<?>, Iterable<Tag>> byProcessorAndPayload = message -> Tags.of(
                        TagsUtil.PROCESSOR_NAME_TAG, componentName,
                        TagsUtil.PAYLOAD_TYPE_TAG, message.getPayloadType().getSimpleName());
                return eventsOnly(new MultiMessageMonitor<EventMessage<?>>(List.of(
                        MessageTimerMonitor.buildMonitor("eventProcessor", registry, byProcessorAndPayload),
                        EventProcessorLatencyMonitor.builder().meterNamePrefix("eventProcessor")
                                .meterRegistry(registry)
                                .tagsBuilder(message -> Tags.of(TagsUtil.PROCESSOR_NAME_TAG, componentName)).build(),
                        MessageCountingMonitor.buildMonitor("eventProcessor", registry, byProcessorAndPayload))));
            }
            if (Stream.of(CommandBus.class, EventBus.class, QueryBus.class, QueryUpdateEmitter.class)
                    .anyMatch(bus -> bus.isAssignableFrom(componentType))) {
                return countedAndTimed(componentName, TagsUtil.PAYLOAD_TYPE_TAGGER_FUNCTION);
            }
            return NoOpMessageMonitor.instance();
        }

        /** A processor is given events only; Axon's own registration makes the same cast. */
        @SuppressWarnings("unchecked")
        private static MessageMonitor<Message<?>> eventsOnly(MessageMonitor<? extends Message<?>> monitor) {
            return (MessageMonitor<Message<?>>) monitor;
        }

        private MessageMonitor<Message<?>> countedAndTimed(String name, Function<Message<?>, Iterable<Tag>> tags) {
            return new MultiMessageMonitor<>(List.of(MessageCountingMonitor.buildMonitor(name, registry, tags),
                    MessageTimerMonitor.buildMonitor(name, registry, tags)));
        }
    }
}
