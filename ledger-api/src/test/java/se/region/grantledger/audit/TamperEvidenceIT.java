package se.region.grantledger.audit;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.ConnectionCallback;
import se.region.grantledger.support.LedgerClient;
import se.region.grantledger.support.LedgerIntegrationTest;

import java.sql.PreparedStatement;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hash chain over real PostgreSQL: each event's metadata carries its link; verification recomputes every chain
 * from the stored bytes. Someone with the database's superuser rights (the append-only trigger does not stop them)
 * changes one byte of one stored payload: verification names exactly that event, and only it.
 */
class TamperEvidenceIT extends LedgerIntegrationTest {

    @Test
    void everyEventCarriesItsLinkAndTheChainHolds() {
        String project = ledger.registerProject();
        ledger.decideGrant(project, LedgerClient.plan("500000", "400000", "100000"));
        JsonNode events = ledger.as("revisor").get("/api/projects/" + project + "/events").body();
        assertThat(events).allSatisfy(event -> assertThat(event.at("/metadata/hash").asText()).hasSize(64));
        assertThat(events.get(0).at("/metadata/hash").asText()).isNotEqualTo(events.get(1).at("/metadata/hash").asText());

        JsonNode verification = ledger.as("revisor").get("/api/audit/verify").body();
        assertThat(verification.get("intact").asBoolean()).as(verification.toString()).isTrue();
        assertThat(verification.get("events").asLong()).isEqualTo(storedEventCount());
        assertThat(verification.get("digest").asText()).hasSize(64);
    }

    @Test
    void oneChangedByteInOneStoredPayloadIsNamedExactly() {
        String project = ledger.registerProject();
        ledger.decideGrant(project, LedgerClient.plan("500000", "400000", "100000"));
        String digestBefore = ledger.as("revisor").get("/api/audit/verify").body().get("digest").asText();
        Map<String, Object> target = jdbc.queryForMap("SELECT global_index, event_identifier, payload FROM"
                + " domain_event_entry WHERE aggregate_identifier = ? AND sequence_number = 1", project);
        byte[] original = (byte[]) target.get("payload");
        byte[] tampered = original.clone();
        int at = new String(original).indexOf("500000");
        tampered[at] = (byte) '9'; // 500000 -> 900000 in the proposed plan

        overwritePayload((Long) target.get("global_index"), tampered);
        try {
            JsonNode verification = ledger.as("revisor").get("/api/audit/verify").body();
            assertThat(verification.get("intact").asBoolean()).isFalse();
            assertThat(verification.get("brokenStreams")).hasSize(1);
            JsonNode broken = verification.get("firstBrokenLink");
            assertThat(broken.get("aggregateIdentifier").asText()).isEqualTo(project);
            assertThat(broken.get("sequenceNumber").asLong()).isEqualTo(1);
            assertThat(broken.get("globalIndex").asLong()).isEqualTo((Long) target.get("global_index"));
            assertThat(broken.get("eventIdentifier").asText()).isEqualTo(target.get("event_identifier"));
            assertThat(broken.get("reason").asText()).contains("payload or metadata");
            assertThat(verification.get("digest").asText()).isNotEqualTo(digestBefore);
        } finally {
            overwritePayload((Long) target.get("global_index"), original);
        }
        JsonNode restored = ledger.as("revisor").get("/api/audit/verify").body();
        assertThat(restored.get("intact").asBoolean()).isTrue();
    }

    @Test
    void onlyAuditorsVerify() {
        assertThat(ledger.as("handlaggare").get("/api/audit/verify").status()).isEqualTo(403);
        assertThat(ledger.as("drift").get("/api/audit/verify").status()).isEqualTo(403);
    }

    /** What a superuser could do: switch the append-only trigger off for the session and rewrite a row. */
    private void overwritePayload(long globalIndex, byte[] payload) {
        superuser().execute((ConnectionCallback<Void>) connection -> {
            try (var replica = connection.createStatement()) {
                replica.execute("SET session_replication_role = replica");
            }
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE domain_event_entry SET payload = ? WHERE global_index = ?")) {
                update.setBytes(1, payload);
                update.setLong(2, globalIndex);
                assertThat(update.executeUpdate()).isEqualTo(1);
            } finally {
                try (var origin = connection.createStatement()) {
                    origin.execute("SET session_replication_role = origin");
                }
            }
            return null;
        });
    }
}
