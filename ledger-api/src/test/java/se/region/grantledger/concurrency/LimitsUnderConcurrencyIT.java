package se.region.grantledger.concurrency;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.RepeatedTest;
import se.region.grantledger.support.LedgerClient;
import se.region.grantledger.support.LedgerClient.Response;
import se.region.grantledger.support.LedgerIntegrationTest;
import se.region.grantledger.support.Race;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The two limits that span cases, raced over HTTP on PostgreSQL, 20 times each: decisions sent at the same
 * moment never take a frame or an undertaking past its limit. Each repetition has its own frame year (2060 on)
 * or its own undertaking and rate day, so repetitions cannot help or hinder each other.
 */
class LimitsUnderConcurrencyIT extends LedgerIntegrationTest {

    private static final AtomicInteger ROUND = new AtomicInteger();

    /** Five decisions of 30 000 against a frame of 100 000: three fit, two are refused with the rule. */
    @RepeatedTest(20)
    void parallelDecisionsAgainstANearlyFullFrameNeverOverCommit() throws Exception {
        int year = 2060 + ROUND.getAndIncrement();
        ledger.allocateFrame("REGIONAL_1_1", year, "100000");
        List<String> grants = Race.of(5, i -> ledger.registerCommercialService("60000"));

        List<Response> answers = Race.of(5, i -> ledger.decideCommercialService(grants.get(i), year + "-03-01", "30000"));

        assertThat(answers).extracting(Response::status).as(answers.toString()).containsOnly(200, 422);
        assertThat(answers).filteredOn(answer -> answer.status() == 200).hasSize(3);
        assertThat(answers).filteredOn(answer -> answer.status() == 422)
                .allSatisfy(refused -> assertThat(refused.body().get("rule").asText()).isEqualTo("commitments-within-frame"));
        JsonNode frame = ledger.get("/api/appropriations/REGIONAL_1_1/" + year).body();
        assertThat(frame.get("committed").decimalValue()).isEqualByComparingTo("90000");
        assertThat(jdbc.queryForObject("""
                SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?
                AND payload_type LIKE '%AppropriationReserved'""", Long.class, "REGIONAL_1_1-" + year)).isEqualTo(3);
    }

    /**
     * Two companies of one undertaking that already has EUR 200 000: two simultaneous decisions of EUR 60 000 each
     * would take it to 320 000. Exactly one may succeed.
     */
    @RepeatedTest(20)
    void twoSimultaneousDecisionsThatTogetherPassTheCapCannotBothSucceed() throws Exception {
        String day = java.time.LocalDate.of(2040, 1, 1).plusDays(ROUND.getAndIncrement()).toString();
        ledger.ensureEuroRate(day, "10");
        ledger.allocateFrame("REGIONAL_1_1", 2040, "1000000000");
        String first = LedgerClient.uniqueOrganisationNumber();
        String second = LedgerClient.uniqueOrganisationNumber();
        String undertaking = ledger.registerUndertaking(first, second);
        ledger.as("handlaggare").ok("/api/undertakings/" + undertaking + "/de-minimis", """
                {"company":"%s","grantor":"Almi","grantedOn":"2039-01-01","amountEur":200000}""".formatted(first));
        List<String> cases = List.of(ledger.registerBusinessSupport(first, "1982", "CONSULTANCY_CHECK", "REGIONAL_1_1"),
                ledger.registerBusinessSupport(second, "1984", "INNOVATION_SUPPORT", "REGIONAL_1_1"));

        List<Response> answers = Race.of(2, i -> ledger.decideBusinessSupport(cases.get(i), day, "600000"));

        assertThat(answers).extracting(Response::status).as(answers.toString()).containsExactlyInAnyOrder(200, 422);
        assertThat(answers).filteredOn(answer -> answer.status() == 422).singleElement()
                .satisfies(refused -> {
                    assertThat(refused.body().get("rule").asText()).isEqualTo("de-minimis-within-cap");
                    assertThat(refused.body().at("/figures/alreadyGrantedEur").decimalValue()).isEqualByComparingTo("260000");
                });
        JsonNode window = ledger.get("/api/undertakings/" + undertaking + "/de-minimis?on=" + day).body();
        assertThat(window.get("totalEur").decimalValue()).isEqualByComparingTo("260000");
        assertThat(window.get("headroomEur").decimalValue()).isEqualByComparingTo("40000");
    }
}
