package se.region.grantledger.core.rules;

import org.axonframework.messaging.MetaData;

import java.util.Map;

/**
 * Optimistic concurrency for clients: a command may carry, in its metadata, the version of the case the client
 * last read (HTTP If-Match). If the case has moved on since, the command is refused; checked inside the
 * aggregate, under its lock, so no other write can slip in between the check and the append.
 */
public final class ExpectedVersion {

    public static final String METADATA_KEY = "expectedVersion";

    private ExpectedVersion() {
    }

    public static void check(MetaData metaData, Long currentVersion, String caseId) {
        Object expected = metaData.get(METADATA_KEY);
        if (expected == null) {
            return;
        }
        long expectedVersion = ((Number) expected).longValue();
        long current = currentVersion == null ? -1 : currentVersion;
        if (expectedVersion != current) {
            throw new StaleVersion(caseId, expectedVersion, current);
        }
    }

    /** The client's copy of the case is older than the case. */
    public static class StaleVersion extends DomainException {
        public StaleVersion(String caseId, long expected, long current) {
            super(Conflict.STALE_VERSION.code(), "case " + caseId + " is at version " + current + ", not " + expected
                    + " as the request expected; read it again and decide anew",
                    Map.of("expectedVersion", expected, "currentVersion", current));
        }
    }
}
