package se.region.grantledger.infrastructure.axon;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** A command that runs too long is named, with where it is; one that does not leaves nothing behind. */
class SlowCommandWatchTest {

    private final SimpleCommandBus commandBus = SimpleCommandBus.builder().build();
    private final DefaultCommandGateway commands = DefaultCommandGateway.builder().commandBus(commandBus).build();
    private final SlowCommandWatch watch = new SlowCommandWatch(commandBus, Duration.ofMillis(100));
    private final Logger logger = (Logger) LoggerFactory.getLogger(SlowCommandWatch.class);
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();

    SlowCommandWatchTest() {
        watch.afterPropertiesSet();
        logged.start();
        logger.addAppender(logged);
        commandBus.subscribe(String.class.getName(), command -> {
            Thread.sleep(Long.parseLong(command.getPayload().toString()));
            return "done";
        });
    }

    @AfterEach
    void stop() {
        logger.detachAppender(logged);
        watch.destroy();
    }

    @Test
    void aCommandRunningPastTheLimitIsNamedWithWhereItIs() {
        commands.sendAndWait(GenericCommandMessage.asCommandMessage("400"));

        assertThat(logged.list).singleElement().satisfies(event -> {
            assertThat(event.getLevel()).isEqualTo(Level.WARN);
            assertThat(event.getFormattedMessage()).contains("Command java.lang.String has run for")
                    .contains("Thread.sleep");
        });
    }

    @Test
    void aQuickCommandLeavesNoWarningAndNothingWaiting() throws InterruptedException {
        for (int i = 0; i < 1000; i++) {
            commands.sendAndWait(GenericCommandMessage.asCommandMessage("0"));
        }
        Thread.sleep(200);

        assertThat(logged.list).isEmpty();
        assertThat(watch.waiting()).as("warnings still queued").isZero();
    }
}
