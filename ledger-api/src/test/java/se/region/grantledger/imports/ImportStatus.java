package se.region.grantledger.imports;

import com.fasterxml.jackson.databind.JsonNode;
import se.region.grantledger.support.LedgerClient;

import java.time.Duration;

/** Waits, as the uploader watching it would, for an import to reach a status (docs/import.md). */
final class ImportStatus {

    private static final long POLL_MILLIS = 100;

    private ImportStatus() {
    }

    /** @return the import's view once its status is {@code status}; fails the test after {@code within} */
    static JsonNode await(LedgerClient ledger, String importId, String status, Duration within)
            throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        JsonNode view;
        do {
            view = ledger.as("inlasning").get("/api/imports/" + importId).body();
            if (status.equals(view.path("status").asText())) {
                return view;
            }
            Thread.sleep(POLL_MILLIS);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("import " + importId + " is " + view.path("status").asText() + ", not " + status
                + ", after " + within.toSeconds() + " s: " + view);
    }
}
