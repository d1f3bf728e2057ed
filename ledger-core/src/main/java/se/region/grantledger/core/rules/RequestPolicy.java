package se.region.grantledger.core.rules;

/**
 * The rule a request meets at the door, before any case sees it: a client's Idempotency-Key names one request
 * (the REST layer's idempotency filter checks it against the first request that carried the key).
 */
public final class RequestPolicy {

    private RequestPolicy() {
    }

    /** A key sent again with another method, path or body is refused; the same request is answered as before. */
    public static void idempotencyKeyReused(String key, String firstRequestHash, String requestHash) {
        if (!firstRequestHash.equals(requestHash)) {
            throw new RuleViolation(Rule.IDEMPOTENCY_KEY_REUSED, "Idempotency-Key '" + key
                    + "' was used for a different request; use a new key for a new request",
                    Figures.of("idempotencyKey", key));
        }
    }
}
