package se.region.grantledger.web;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import se.region.grantledger.core.model.Actor;
import se.region.grantledger.core.rules.ExpectedVersion;
import se.region.grantledger.infrastructure.axon.AppliedCommands;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Sends a command with who sent it and from where: the signed-in user and their roles, a correlation id (the
 * client's {@code X-Correlation-Id}, else new), the request id ({@code X-Request-Id}, else new) and the client
 * address. Axon copies these onto every event the command causes (AxonConfiguration's correlation provider).
 */
@Component
public class CommandSender {

    private static final String ROLE_PREFIX = "ROLE_";
    private final CommandGateway commands;
    private final MeterRegistry metrics;
    private final Semaphore running;
    private final Duration queueTimeout;

    /**
     * @param maxConcurrent commands run at once; the others queue here. A command holds a database connection
     *                      while it waits for its aggregates' locks, so a burst on one frame (a month-end payment
     *                      run) must queue before the pool, not in it, or it takes every connection and the reads,
     *                      projections and snapshots starve. Keep it well below the pool size.
     */
    public CommandSender(CommandGateway commands, MeterRegistry metrics,
                         @Value("${ledger.commands.max-concurrent:8}") int maxConcurrent,
                         @Value("${ledger.commands.queue-timeout:30s}") Duration queueTimeout) {
        this.commands = commands;
        this.metrics = metrics;
        this.running = new Semaphore(maxConcurrent, true);
        this.queueTimeout = queueTimeout;
    }

    public <R> R send(Object command) {
        return send(command, Map.of());
    }

    /** With more metadata than the caller's identity, e.g. the kind of case the request's path expects. */
    public <R> R send(Object command, Map<String, ?> more) {
        Map<String, Object> metadata = metadata();
        metadata.putAll(more);
        try {
            if (!running.tryAcquire(queueTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new Busy(queueTimeout);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Busy(queueTimeout);
        }
        Timer.Sample sample = Timer.start(metrics);
        String outcome = "refused";
        try {
            R result = commands.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(metadata));
            outcome = "stored";
            return result;
        } finally {
            running.release();
            sample.stop(Timer.builder("ledger.command.latency").description("a command from its turn to its answer")
                    .tag("command", command.getClass().getSimpleName()).tag("outcome", outcome)
                    .publishPercentileHistogram().register(metrics));
        }
    }

    /** More commands waited than the ledger could take in the queue timeout: 503, nothing was stored. */
    public static final class Busy extends RuntimeException {
        Busy(Duration waited) {
            super("the ledger is busy: the command waited " + waited.toSeconds() + " s for its turn; nothing was"
                    + " recorded, try again", null, false, false);
        }
    }

    private static Map<String, Object> metadata() {
        Map<String, Object> metadata = new HashMap<>();
        Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
        if (signedIn != null && signedIn.isAuthenticated()) {
            metadata.put(Actor.USER, signedIn.getName());
            List<String> roles = signedIn.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                    .filter(authority -> authority.startsWith(ROLE_PREFIX))
                    .map(authority -> authority.substring(ROLE_PREFIX.length())).sorted().toList();
            metadata.put(Actor.ROLES, roles);
        }
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            metadata.put(Actor.CORRELATION_ID, headerOrNew(request, "X-Correlation-Id"));
            metadata.put(Actor.REQUEST_ID, requestId(request));
            metadata.put(Actor.CLIENT_ADDRESS, request.getRemoteAddr());
            String commandKey = RequestIdentity.nextCommandKey();
            if (commandKey != null) {
                metadata.put(AppliedCommands.METADATA_KEY, commandKey);
            }
            Long expectedVersion = IfMatch.version(request.getHeader("If-Match"));
            if (expectedVersion != null) {
                metadata.put(ExpectedVersion.METADATA_KEY, expectedVersion);
            }
        }
        return metadata;
    }

    /** One id per HTTP request, shared by every command the request sends. */
    private static String requestId(HttpServletRequest request) {
        Object known = request.getAttribute(Actor.REQUEST_ID);
        if (known instanceof String id) {
            return id;
        }
        String id = headerOrNew(request, "X-Request-Id");
        request.setAttribute(Actor.REQUEST_ID, id);
        return id;
    }

    private static String headerOrNew(HttpServletRequest request, String header) {
        String given = request.getHeader(header);
        return given == null || given.isBlank() || given.length() > 200 ? UUID.randomUUID().toString() : given;
    }
}
