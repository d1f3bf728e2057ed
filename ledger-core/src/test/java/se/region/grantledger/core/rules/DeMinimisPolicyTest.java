package se.region.grantledger.core.rules;

import org.junit.jupiter.api.Test;
import se.region.grantledger.core.model.DeMinimisWindow;
import se.region.grantledger.core.model.DeMinimisWindow.Aid;
import se.region.grantledger.core.model.Euro;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DeMinimisPolicyTest {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 22);

    private static Aid aid(String id, LocalDate on, String euros) {
        return new Aid(id, on, Euro.of(new java.math.BigDecimal(euros)));
    }

    @Test
    void theWindowEndingOnADayHoldsTheThreeYearsUpToIt() {
        assertThat(DeMinimisWindow.start(DAY)).isEqualTo(LocalDate.of(2023, 11, 23));
        List<Aid> aid = List.of(aid("old", LocalDate.of(2023, 11, 22), "100000"),
                aid("first-day", LocalDate.of(2023, 11, 23), "1000"), aid("today", DAY, "10"));
        assertThat(DeMinimisWindow.total(aid, DAY)).isEqualTo(Euro.ofEuros(1010));
        assertThat(DeMinimisWindow.headroom(aid, DAY)).isEqualTo(Euro.ofEuros(298_990));
    }

    @Test
    void aidUpToTheCapIsAllowedAndOneCentMoreIsRefusedWithTheFigures() {
        List<Aid> granted = List.of(aid("declared", LocalDate.of(2025, 1, 1), "100000"));
        assertThatCode(() -> DeMinimisPolicy.deMinimisWithinCap("U-1", granted, aid("new", DAY, "200000")))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> DeMinimisPolicy.deMinimisWithinCap("U-1", granted, aid("new", DAY, "200000.01")))
                .isInstanceOfSatisfying(RuleViolation.class, refused -> {
                    assertThat(refused.rule()).isEqualTo(Rule.DE_MINIMIS_WITHIN_CAP);
                    assertThat(refused.figures()).containsEntry("alreadyGrantedEur", Euro.ofEuros(100_000))
                            .containsEntry("requestedEur", Euro.of(new java.math.BigDecimal("200000.01")))
                            .containsEntry("headroomEur", Euro.ofEuros(200_000))
                            .containsEntry("windowStart", "2023-11-23");
                });
    }

    @Test
    void aidThatHasLeftTheWindowNoLongerCounts() {
        List<Aid> granted = List.of(aid("old", LocalDate.of(2023, 11, 22), "300000"));
        assertThatCode(() -> DeMinimisPolicy.deMinimisWithinCap("U-1", granted, aid("new", DAY, "300000")))
                .doesNotThrowAnyException();
    }

    /** An earlier-dated decision registered late must also fit the windows of the aid granted after it. */
    @Test
    void aBackdatedDecisionMustFitTheLaterWindowsToo() {
        List<Aid> granted = List.of(aid("early", LocalDate.of(2022, 1, 1), "150000"),
                aid("later", LocalDate.of(2024, 6, 1), "150000"));
        // The window ending on the backdated day itself holds only "early" (150 000 + 100 000 fits) ...
        assertThat(DeMinimisWindow.total(granted, LocalDate.of(2023, 1, 1))).isEqualTo(Euro.ofEuros(150_000));
        // ... but the window ending on 2024-06-01 would hold all three: 400 000.
        assertThatThrownBy(() -> DeMinimisPolicy.deMinimisWithinCap("U-1", granted, aid("late", LocalDate.of(2023, 1, 1), "100000")))
                .isInstanceOfSatisfying(RuleViolation.class,
                        refused -> assertThat(refused.figures()).containsEntry("windowEnd", "2024-06-01"));
    }
}
