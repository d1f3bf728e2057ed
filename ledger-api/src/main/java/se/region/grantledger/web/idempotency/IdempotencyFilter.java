package se.region.grantledger.web.idempotency;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import se.region.grantledger.core.rules.Conflict;
import se.region.grantledger.core.rules.RequestPolicy;
import se.region.grantledger.core.rules.RuleViolation;
import se.region.grantledger.infrastructure.Sha256;
import se.region.grantledger.web.DatabaseFailures;
import se.region.grantledger.web.ProblemResponses;
import se.region.grantledger.web.RequestIdentity;
import se.region.grantledger.web.input.BodyTooLarge;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * {@code Idempotency-Key} on any POST under /api: the first request with a key is handled and its answer stored
 * in PostgreSQL; a repeat with the same key and the same body gets that answer again and changes nothing; the
 * same key with a different body is refused (422). A repeat that arrives while the first is still being handled
 * waits for its answer. Answers of 5xx are not kept, so a retry after a server fault is handled afresh.
 * Runs after Spring Security: keys belong to the signed-in user.
 */
@Component
public class IdempotencyFilter extends OncePerRequestFilter {

    public static final String HEADER = "Idempotency-Key";
    static final Duration WAIT_FOR_FIRST = Duration.ofSeconds(30);
    private static final int MAX_KEY_LENGTH = 255;

    private final IdempotencyKeys keys;
    private final ObjectMapper json;

    public IdempotencyFilter(IdempotencyKeys keys, ObjectMapper json) {
        this.keys = keys;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || request.getHeader(HEADER) == null
                || !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
        String key = request.getHeader(HEADER).trim();
        if (signedIn == null || !signedIn.isAuthenticated()) {
            chain.doFilter(request, response);
            return;
        }
        if (key.isEmpty() || key.length() > MAX_KEY_LENGTH) {
            problem(response, HttpStatus.BAD_REQUEST, "invalid:idempotency-key", "Invalid Idempotency-Key",
                    "an Idempotency-Key has 1 to " + MAX_KEY_LENGTH + " characters", Map.of());
            return;
        }
        try {
            handleKeyed(request, response, chain, signedIn.getName(), key);
        } catch (DataAccessException failure) {
            if (!DatabaseFailures.unavailable(failure)) {
                throw failure;
            }
            if (!response.isCommitted()) {
                response.resetBuffer();
                response.setHeader(HttpHeaders.RETRY_AFTER, "5");
                writeProblem(response, ProblemResponses.databaseUnavailableProblem());
            }
        }
    }

    private void handleKeyed(HttpServletRequest request, HttpServletResponse response, FilterChain chain, String user,
                             String key) throws IOException, ServletException {
        byte[] body;
        try {
            body = request.getInputStream().readAllBytes();
        } catch (BodyTooLarge tooLarge) {
            writeProblem(response, ProblemResponses.problem(HttpStatus.PAYLOAD_TOO_LARGE, "invalid:too-large",
                    "Request too large", tooLarge.getMessage()));
            return;
        }
        String hash = hash(request.getMethod(), request.getRequestURI(), body);

        if (claimed(user, key, hash)) {
            request.setAttribute(RequestIdentity.ATTRIBUTE, user + "\n" + key + "\n" + hash);
            handleFirst(new CachedBodyRequest(request, body), response, chain, user, key);
            return;
        }
        Optional<StoredResponse> first = awaitFirst(user, key);
        if (first.isEmpty()) {
            problem(response, HttpStatus.CONFLICT, "conflict:" + Conflict.IDEMPOTENCY_KEY_IN_PROGRESS.code(),
                    "Request still in progress",
                    "the first request with this Idempotency-Key has not finished; retry later", Map.of());
            return;
        }
        try {
            RequestPolicy.idempotencyKeyReused(key, first.get().requestHash(), hash);
        } catch (RuleViolation reused) {
            ProblemResponses.write(response, json, ProblemResponses.ruleProblem(reused));
            return;
        }
        replay(first.get(), response);
    }

    private boolean claimed(String user, String key, String hash) {
        if (keys.claim(user, key, hash)) {
            return true;
        }
        Optional<StoredResponse> existing = keys.find(user, key);
        if (existing.isPresent() && existing.get().abandoned()) {
            keys.release(user, key);
            return keys.claim(user, key, hash);
        }
        return false;
    }

    private void handleFirst(HttpServletRequest request, HttpServletResponse response, FilterChain chain, String user,
                             String key) throws IOException, ServletException {
        ContentCachingResponseWrapper recorded = new ContentCachingResponseWrapper(response);
        boolean stored = false;
        try {
            chain.doFilter(request, recorded);
            if (recorded.getStatus() < 500) {
                keys.complete(user, key, recorded.getStatus(), recorded.getContentType(),
                        recorded.getHeader("Location"), recorded.getContentAsByteArray());
                stored = true;
            }
        } finally {
            if (!stored) {
                keys.release(user, key);
            }
            recorded.copyBodyToResponse();
        }
    }

    private Optional<StoredResponse> awaitFirst(String user, String key) throws IOException {
        long deadline = System.nanoTime() + WAIT_FOR_FIRST.toNanos();
        long pauseMillis = 5;
        while (true) {
            Optional<StoredResponse> first = keys.find(user, key);
            if (first.isEmpty() || first.get().isComplete() || System.nanoTime() > deadline) {
                return first.filter(StoredResponse::isComplete);
            }
            try {
                Thread.sleep(pauseMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for the first request", e);
            }
            pauseMillis = Math.min(pauseMillis * 2, 100);
        }
    }

    private static void replay(StoredResponse first, HttpServletResponse response) throws IOException {
        response.setStatus(first.status());
        if (first.contentType() != null) {
            response.setContentType(first.contentType());
        }
        if (first.location() != null) {
            response.setHeader("Location", first.location());
        }
        response.setHeader("Idempotent-Replayed", "true");
        if (first.body() != null) {
            response.getOutputStream().write(first.body());
        }
    }

    private void problem(HttpServletResponse response, HttpStatus status, String type, String title, String detail,
                         Map<String, Object> properties) throws IOException {
        ProblemDetail problem = ProblemResponses.problem(status, type, title, detail);
        properties.forEach(problem::setProperty);
        writeProblem(response, problem);
    }

    private void writeProblem(HttpServletResponse response, ProblemDetail problem) throws IOException {
        ProblemResponses.write(response, json, problem);
    }

    private static String hash(String method, String path, byte[] body) {
        MessageDigest sha256 = Sha256.digest();
        sha256.update((method + " " + path + "\n").getBytes(StandardCharsets.UTF_8));
        return Sha256.hex(sha256.digest(body));
    }

    /** The request with its body already read, so the controller can read it again. */
    private static final class CachedBodyRequest extends HttpServletRequestWrapper {
        private final byte[] body;

        CachedBodyRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream bytes = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return bytes.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("synchronous reads only");
                }

                @Override
                public int read() {
                    return bytes.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return bytes.read(buffer, offset, length);
                }
            };
        }
    }
}
