package se.region.grantledger.storage;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import se.region.grantledger.support.LedgerIntegrationTest;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the event store looks like in PostgreSQL, read from the catalogue rather than trusted from the code. */
class EventStoreSchemaIT extends LedgerIntegrationTest {

    @Test
    void noColumnAnywhereIsALargeObject() {
        ledger.registerProject();
        List<String> oidColumns = jdbc.queryForList("""
                SELECT table_schema || '.' || table_name || '.' || column_name
                FROM information_schema.columns
                WHERE data_type = 'oid' AND table_schema NOT IN ('pg_catalog', 'information_schema')""", String.class);
        assertThat(oidColumns).isEmpty();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM pg_largeobject_metadata", Long.class)).isZero();
    }

    @Test
    void payloadsAndMetadataAreByteaHoldingReadableJson() {
        Map<String, String> types = Map.of(
                "domain_event_entry", "payload", "snapshot_event_entry", "payload",
                "token_entry", "token", "dead_letter_entry", "payload");
        types.forEach((table, column) -> assertThat(jdbc.queryForObject(
                "SELECT data_type FROM information_schema.columns WHERE table_name = ? AND column_name = ?",
                String.class, table, column)).as(table + "." + column).isEqualTo("bytea"));

        String projectId = ledger.registerProject();
        String title = jdbc.queryForObject(
                "SELECT payload ->> 'title' FROM event_log WHERE aggregate_identifier = ? AND sequence_number = 0",
                String.class, projectId);
        assertThat(title).isEqualTo("Testprojekt");
    }

    @Test
    void globalIndexHasItsOwnSequenceStepOneNoCache() {
        Map<String, Object> sequence = jdbc.queryForMap("""
                SELECT increment_by, cache_size FROM pg_sequences
                WHERE sequencename = 'domain_event_entry_global_index_seq'""");
        assertThat(((Number) sequence.get("increment_by")).longValue()).isEqualTo(1);
        assertThat(((Number) sequence.get("cache_size")).longValue()).isEqualTo(1);
        // The default is a function that takes the event store's sequence, except in an import's dry run
        // (V2026_11_29_04), whose events take negative numbers from a sequence of their own.
        assertThat(jdbc.queryForObject("""
                SELECT column_default FROM information_schema.columns
                WHERE table_name = 'domain_event_entry' AND column_name = 'global_index'""", String.class))
                .contains("next_global_index()");
        assertThat(jdbc.queryForObject("SELECT prosrc FROM pg_proc WHERE proname = 'next_global_index'", String.class))
                .contains("nextval('domain_event_entry_global_index_seq')");
    }

    @Test
    void consecutiveEventsGetConsecutiveGlobalIndexes() {
        String projectId = ledger.registerProject();
        ledger.decideGrant(projectId, se.region.grantledger.support.LedgerClient.plan("100000", "100000", "50000"));
        List<Long> indexes = jdbc.queryForList("""
                SELECT global_index FROM domain_event_entry WHERE global_index >= (SELECT min(global_index)
                    FROM domain_event_entry WHERE aggregate_identifier = ?) ORDER BY global_index""",
                Long.class, projectId);
        // registered, proposed, the frame's reservation and the decision: three requests, nothing else writing
        assertThat(indexes).hasSize(4);
        for (int i = 1; i < indexes.size(); i++) {
            assertThat(indexes.get(i) - indexes.get(i - 1)).isEqualTo(1);
        }
    }

    /** Even the owner and the superuser, who hold the privileges the service lacks (LeastPrivilegeIT). */
    @Test
    void theEventStoreRefusesUpdatesAndDeletes() {
        String projectId = ledger.registerProject();
        JdbcTemplate jdbc = superuser();
        assertThatThrownBy(() -> jdbc.update("UPDATE domain_event_entry SET payload = '\\x00' WHERE aggregate_identifier = ?", projectId))
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.update("DELETE FROM domain_event_entry WHERE aggregate_identifier = ?", projectId))
                .hasMessageContaining("append-only");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?",
                Long.class, projectId)).isEqualTo(1);
    }

    @Test
    void theEmbeddedServerIsDurable() {
        assertThat(jdbc.queryForObject("SHOW fsync", String.class)).isEqualTo("on");
        assertThat(jdbc.queryForObject("SHOW synchronous_commit", String.class)).isEqualTo("on");
        assertThat(jdbc.queryForObject("SHOW full_page_writes", String.class)).isEqualTo("on");
    }

    @Test
    void flywayOwnsTheSchema() {
        assertThat(jdbc.queryForObject("SELECT count(*) FROM flyway_schema_history WHERE success", Long.class))
                .isGreaterThanOrEqualTo(2);
    }

    @Test
    void theStatusProjectionRunsAsAPooledStreamingProcessor() {
        // pooled streaming processors claim one token row per segment; a tracking processor would hold one
        assertThat(jdbc.queryForObject(
                "SELECT count(*) FROM token_entry WHERE processor_name = 'project-status'", Long.class))
                .isEqualTo(4);
    }
}
