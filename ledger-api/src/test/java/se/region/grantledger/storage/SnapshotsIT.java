package se.region.grantledger.storage;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import se.region.grantledger.support.LedgerClient.Response;
import se.region.grantledger.support.LedgerIntegrationTest;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A frame with many reservations is loaded from a snapshot plus the events after it (every 10 events in the
 * tests, 100 by default), and judges the next decision exactly as a full replay would.
 */
class SnapshotsIT extends LedgerIntegrationTest {

    @Test
    void aFrameLoadedFromASnapshotStillKnowsItsCommitmentsToTheOre() {
        ledger.allocateFrame("REGIONAL_1_1", 2045, "25000.50");
        for (int i = 0; i < 25; i++) {
            String grant = ledger.registerCommercialService("2000");
            assertThat(ledger.decideCommercialService(grant, "2045-03-01", "1000").status()).isEqualTo(200);
        }

        List<Map<String, Object>> snapshots = jdbc.queryForList("""
                SELECT sequence_number, payload_type, convert_from(payload, 'UTF8') AS payload FROM snapshot_event_entry
                WHERE aggregate_identifier = 'REGIONAL_1_1-2045'""");
        assertThat(snapshots).isNotEmpty();
        assertThat(snapshots.get(0).get("payload_type")).isEqualTo("se.region.grantledger.core.appropriation.Appropriation");
        assertThat((String) snapshots.get(0).get("payload")).contains("\"committed\"");

        String last = ledger.registerCommercialService("4000");
        Response refused = ledger.decideCommercialService(last, "2045-03-01", "1000.51");
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body().get("rule").asText()).isEqualTo("commitments-within-frame");
        assertThat(refused.body().at("/figures/committed").decimalValue()).isEqualByComparingTo("25000");
        assertThat(refused.body().at("/figures/headroom").decimalValue()).isEqualByComparingTo("0.50");
        assertThat(ledger.decideCommercialService(last, "2045-03-01", "0.50").status()).isEqualTo(200);

        JsonNode frame = ledger.get("/api/appropriations/REGIONAL_1_1/2045").body();
        assertThat(frame.get("committed").decimalValue()).isEqualByComparingTo("25000.50");
        assertThat(frame.get("headroom").decimalValue()).isEqualByComparingTo("0");
    }
}
