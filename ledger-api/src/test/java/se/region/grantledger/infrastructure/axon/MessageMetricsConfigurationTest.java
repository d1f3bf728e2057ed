package se.region.grantledger.infrastructure.axon;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.messaging.Message;
import org.axonframework.micrometer.GlobalMetricRegistry;
import org.axonframework.monitoring.MessageMonitor;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The message metrics keep Axon's names and tags and leave out its capacity gauge, which held every message of the
 * last ten minutes in memory (docs/adr/0019).
 */
class MessageMetricsConfigurationTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final MessageMetricsConfiguration.WithoutCapacityGauges metrics =
            new MessageMetricsConfiguration.WithoutCapacityGauges(new GlobalMetricRegistry(registry));

    @Test
    void anEventProcessorIsCountedTimedAndItsLatencyGaugedByProcessorAndPayload() {
        var monitor = metrics.monitorOf(PooledStreamingEventProcessor.class, "reports");
        for (int i = 0; i < 1000; i++) {
            monitor.onMessageIngested(GenericEventMessage.asEventMessage("event " + i)).reportSuccess();
        }

        assertThat(registry.get("eventProcessor.allTimer").tag("processorName", "reports").tag("payloadType", "String")
                .timer().count()).isEqualTo(1000);
        assertThat(registry.get("eventProcessor.successCounter").tag("processorName", "reports").counter().count())
                .isEqualTo(1000);
        assertThat(registry.get("eventProcessor.latency").tag("processorName", "reports").gauge()).isNotNull();
        assertThat(names()).noneMatch(name -> name.contains("capacity"));
    }

    @Test
    void theCommandBusIsCountedAndTimedByPayload() {
        var monitor = metrics.monitorOf(SimpleCommandBus.class, "commandBus");
        monitor.onMessageIngested(GenericCommandMessage.asCommandMessage("a command")).reportFailure(null);

        assertThat(registry.get("commandBus.allTimer").tag("payloadType", "String").timer().count()).isEqualTo(1);
        assertThat(registry.get("commandBus.failureCounter").counter().count()).isEqualTo(1);
        assertThat(names()).noneMatch(name -> name.contains("capacity"));
    }

    @Test
    void axonsOwnRegistrationWouldAddTheCapacityGaugeThatIsLeftOut() {
        @SuppressWarnings("unchecked")
        var monitor = (MessageMonitor<Message<?>>) new GlobalMetricRegistry(registry)
                .registerComponentWithDefaultTags(PooledStreamingEventProcessor.class, "reports");
        monitor.onMessageIngested(GenericEventMessage.asEventMessage("an event")).reportSuccess();

        assertThat(names()).anyMatch(name -> name.contains("capacity"));
    }

    private java.util.List<String> names() {
        return registry.getMeters().stream().map(Meter::getId).map(Meter.Id::getName).toList();
    }
}
