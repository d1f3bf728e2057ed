package se.region.grantledger.web;

import se.region.grantledger.infrastructure.Sha256;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The ids a request makes, and the keys of the commands it sends. Without an Idempotency-Key they are random.
 * With one, they are derived from the user, the key and the request's hash, so that a retry of the same request
 * after a crash makes the same ids and sends commands with the same keys: a command that took effect before the
 * crash is recognised (AppliedCommands) and the retry answers as the first would have.
 */
public final class RequestIdentity {

    /** Set by the idempotency filter: the user, the key and the request's hash. */
    public static final String ATTRIBUTE = "grant-ledger.request-identity";
    private static final String IDS_MADE = "grant-ledger.ids-made";
    private static final String COMMANDS_SENT = "grant-ledger.commands-sent";

    private RequestIdentity() {
    }

    /** A new id for a case, payment, requisition or declaration. */
    public static String newId() {
        HttpServletRequest request = currentRequest();
        String identity = identity(request);
        if (identity == null) {
            return UUID.randomUUID().toString();
        }
        return UUID.nameUUIDFromBytes((identity + "|id|" + next(request, IDS_MADE)).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    /** @return the key of the next command this request sends, or {@code null} without an Idempotency-Key */
    public static String nextCommandKey() {
        HttpServletRequest request = currentRequest();
        String identity = identity(request);
        return identity == null ? null : sha256(identity + "|command|" + next(request, COMMANDS_SENT));
    }

    private static String identity(HttpServletRequest request) {
        return request != null && request.getAttribute(ATTRIBUTE) instanceof String identity ? identity : null;
    }

    private static int next(HttpServletRequest request, String counter) {
        int value = request.getAttribute(counter) instanceof Integer made ? made : 0;
        request.setAttribute(counter, value + 1);
        return value;
    }

    private static HttpServletRequest currentRequest() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? attributes.getRequest() : null;
    }

    private static String sha256(String text) {
        return Sha256.hex(text);
    }
}
