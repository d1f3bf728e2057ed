package se.region.grantledger.infrastructure.axon;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Names a command that runs longer than it should, with where its thread is at that moment (docs/adr/0016).
 * Axon's own watch over a unit of work (off: {@code axon.timeout.enabled}) records the thread's stack trace when
 * every command starts, for a warning that almost never comes: one stack walk of some 200 frames a command, and
 * as many exceptions a second as commands. This one looks at the stack only when the warning is due.
 */
@Component
class SlowCommandWatch implements InitializingBean, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(SlowCommandWatch.class);
    private static final int FRAMES_LOGGED = 40;

    private final CommandBus commandBus;
    private final Duration warnAfter;
    private final ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, task -> {
        Thread thread = new Thread(task, "slow-command-watch");
        thread.setDaemon(true);
        return thread;
    });

    SlowCommandWatch(CommandBus commandBus, @Value("${ledger.commands.warn-after:5s}") Duration warnAfter) {
        this.commandBus = commandBus;
        this.warnAfter = warnAfter;
        // a command that finishes in time takes its warning out of the queue, so the queue holds running ones only
        timer.setRemoveOnCancelPolicy(true);
    }

    @Override
    public void afterPropertiesSet() {
        MessageHandlerInterceptor<CommandMessage<?>> watch = this::watch;
        commandBus.registerHandlerInterceptor(watch);
    }

    private Object watch(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        Thread thread = Thread.currentThread();
        String command = unitOfWork.getMessage().getCommandName();
        long started = System.nanoTime();
        ScheduledFuture<?> warning = timer.schedule(() -> warn(command, thread, started), warnAfter.toMillis(),
                TimeUnit.MILLISECONDS);
        try {
            return chain.proceed();
        } finally {
            warning.cancel(false);
        }
    }

    private static void warn(String command, Thread thread, long started) {
        String where = Arrays.stream(thread.getStackTrace()).limit(FRAMES_LOGGED).map(frame -> "\tat " + frame)
                .collect(Collectors.joining("\n"));
        log.warn("Command {} has run for {} ms on {}, now at:\n{}", command,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), thread.getName(), where);
    }

    /** Warnings queued: one for each command running now. */
    int waiting() {
        return timer.getQueue().size();
    }

    @Override
    public void destroy() {
        timer.shutdownNow();
    }
}
