package se.region.grantledger.core.appropriation;

import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.region.grantledger.core.InMemoryLimits;
import se.region.grantledger.core.api.limits.AllocateAppropriation;
import se.region.grantledger.core.api.limits.AppropriationAllocated;
import se.region.grantledger.core.api.limits.AppropriationCredited;
import se.region.grantledger.core.api.limits.AppropriationDrawn;
import se.region.grantledger.core.api.limits.AppropriationReleased;
import se.region.grantledger.core.api.limits.AppropriationReserved;
import se.region.grantledger.core.api.limits.RepaymentReturnedToState;
import se.region.grantledger.core.model.AppropriationKey;
import se.region.grantledger.core.model.Fund;
import se.region.grantledger.core.model.Money;
import se.region.grantledger.core.model.ReleaseReason;
import se.region.grantledger.core.model.SupportType;
import se.region.grantledger.core.rules.InvalidValue;
import se.region.grantledger.core.rules.Rule;
import se.region.grantledger.core.rules.RuleViolation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The frame itself, on a real in-memory Axon store: each change runs in a unit of work, as a decision's would. */
class AppropriationTest {

    private static final AppropriationKey FRAME_2026 = new AppropriationKey(Fund.REGIONAL_1_1, 2026);
    private static final LocalDate DECIDED = LocalDate.of(2026, 3, 1);

    private InMemoryLimits limits;
    private AppropriationLedger ledger;

    @BeforeEach
    void allocate() {
        limits = new InMemoryLimits();
        ledger = limits.appropriations;
        limits.send(new AllocateAppropriation(FRAME_2026.id(), Fund.REGIONAL_1_1, 2026, Money.ofKronor(1_000_000),
                "regleringsbrev 2026"));
    }

    private static void inUnitOfWork(Runnable work) {
        DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        try {
            work.run();
        } catch (RuntimeException refused) {
            unitOfWork.rollback(refused);
            throw refused;
        }
        unitOfWork.commit();
    }

    private void reserve(String caseId, Money amount) {
        inUnitOfWork(() -> ledger.reserve(FRAME_2026, caseId, SupportType.PROJECT, amount, DECIDED));
    }

    @Test
    void decisionsMayCommitTheWholeFrame() {
        reserve("a", Money.ofKronor(600_000));
        reserve("b", Money.ofKronor(400_000));
        assertThat(limits.eventsOf(FRAME_2026.id())).last().isEqualTo(new AppropriationReserved(FRAME_2026.id(), "b",
                SupportType.PROJECT, Money.ofKronor(400_000), DECIDED, Money.ofKronor(1_000_000)));
    }

    @Test
    void oneOreMoreThanTheFrameIsRefusedWithTheFiguresAndNothingIsStored() {
        reserve("a", Money.ofKronor(600_000));
        int before = limits.eventsOf(FRAME_2026.id()).size();
        assertThatThrownBy(() -> reserve("b", Money.ofSek("400000.01")))
                .isInstanceOfSatisfying(RuleViolation.class, refused -> {
                    assertThat(refused.rule()).isEqualTo(Rule.COMMITMENTS_WITHIN_FRAME);
                    assertThat(refused.figures()).containsEntry("frame", Money.ofKronor(1_000_000))
                            .containsEntry("committed", Money.ofKronor(600_000))
                            .containsEntry("requested", Money.ofSek("400000.01"))
                            .containsEntry("headroom", Money.ofKronor(400_000));
                });
        assertThat(limits.eventsOf(FRAME_2026.id())).hasSize(before);
    }

    @Test
    void aYearWithoutAFrameRefusesEveryDecision() {
        AppropriationKey noFrame = new AppropriationKey(Fund.REGIONAL_1_1, 2027);
        assertThatThrownBy(() -> inUnitOfWork(() -> ledger.reserve(noFrame, "a", SupportType.PROJECT, Money.ofKronor(1),
                LocalDate.of(2027, 1, 5))))
                .isInstanceOfSatisfying(RuleViolation.class, refused -> {
                    assertThat(refused.rule()).isEqualTo(Rule.COMMITMENTS_WITHIN_FRAME);
                    assertThat(refused.getMessage()).contains("no frame is allocated for REGIONAL_1_1 2027");
                });
        assertThat(limits.eventsOf(noFrame.id())).isEmpty();
    }

    @Test
    void paidMoneyStaysCommittedAndReleasedMoneyReturnsToTheFrame() {
        reserve("a", Money.ofKronor(1_000_000));
        inUnitOfWork(() -> ledger.draw(FRAME_2026.id(), "a", Money.ofKronor(300_000), LocalDate.of(2026, 6, 1)));
        assertThatThrownBy(() -> reserve("b", Money.ofKronor(1))).isInstanceOf(RuleViolation.class);

        inUnitOfWork(() -> ledger.release(FRAME_2026.id(), "a", Money.ofKronor(700_000), ReleaseReason.CLOSURE,
                LocalDate.of(2026, 12, 1)));
        reserve("b", Money.ofKronor(700_000));
        assertThatThrownBy(() -> reserve("c", Money.ofKronor(1))).isInstanceOf(RuleViolation.class);
        assertThat(limits.eventsOf(FRAME_2026.id())).hasAtLeastOneElementOfType(AppropriationDrawn.class)
                .contains(new AppropriationReleased(FRAME_2026.id(), "a", Money.ofKronor(700_000), ReleaseReason.CLOSURE,
                        LocalDate.of(2026, 12, 1),
                        Money.ofKronor(300_000)));
    }

    @Test
    void aCaseCannotReleaseMoreThanItReserved() {
        reserve("a", Money.ofKronor(100));
        assertThatThrownBy(() -> inUnitOfWork(() -> ledger.release(FRAME_2026.id(), "a", Money.ofKronor(101),
                ReleaseReason.WITHDRAWAL, DECIDED))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theFrameMayBeRaisedAndLoweredButNotBelowCommitments() {
        reserve("a", Money.ofKronor(800_000));
        limits.send(new AllocateAppropriation(FRAME_2026.id(), Fund.REGIONAL_1_1, 2026, Money.ofKronor(800_000), "ändring"));
        assertThatThrownBy(() -> limits.send(new AllocateAppropriation(FRAME_2026.id(), Fund.REGIONAL_1_1, 2026,
                Money.ofSek("799999.99"), "ändring 2")))
                .isInstanceOfSatisfying(RuleViolation.class,
                        refused -> assertThat(refused.rule()).isEqualTo(Rule.COMMITMENTS_WITHIN_FRAME));
        assertThat(limits.eventsOf(FRAME_2026.id())).filteredOn(AppropriationAllocated.class::isInstance)
                .extracting(event -> ((AppropriationAllocated) event).frame())
                .containsExactly(Money.ofKronor(1_000_000), Money.ofKronor(800_000));
    }

    @Test
    void allocatingTheSameFrameAgainRecordsNothing() {
        limits.send(new AllocateAppropriation(FRAME_2026.id(), Fund.REGIONAL_1_1, 2026, Money.ofKronor(1_000_000), "again"));
        assertThat(limits.eventsOf(FRAME_2026.id())).hasSize(1);
    }

    @Test
    void theIdMustBeTheFundsAndYears() {
        assertThatThrownBy(() -> limits.send(new AllocateAppropriation("REGIONAL_1_1-2025", Fund.REGIONAL_1_1, 2026,
                Money.ofKronor(1), "x"))).isInstanceOf(InvalidValue.class);
    }

    /** Axon's aggregate lock serialises racing reservations: 20 cases of 60 000 kr fit 16 times in 1 MSEK. */
    @Test
    void racingDecisionsNeverOverCommit() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(20);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> outcomes = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String caseId = "case-" + i;
            outcomes.add(threads.submit(() -> {
                start.await();
                try {
                    reserve(caseId, Money.ofKronor(60_000));
                    return true;
                } catch (RuleViolation refused) {
                    return false;
                }
            }));
        }
        start.countDown();
        int accepted = 0;
        for (Future<Boolean> outcome : outcomes) {
            accepted += outcome.get(30, TimeUnit.SECONDS) ? 1 : 0;
        }
        threads.shutdown();
        assertThat(accepted).isEqualTo(16);
        assertThat(limits.eventsOf(FRAME_2026.id())).filteredOn(AppropriationReserved.class::isInstance).hasSize(16)
                .extracting(event -> ((AppropriationReserved) event).committedAfter())
                .allMatch(committed -> !committed.isGreaterThan(Money.ofKronor(1_000_000)));
    }

    @Test
    void aCreditedRepaymentIsTheCasesToDrawAgainAndOnlyWhatWasDrawnComesBack() {
        reserve("a", Money.ofKronor(300_000));
        inUnitOfWork(() -> ledger.draw(FRAME_2026.id(), "a", Money.ofKronor(300_000), DECIDED.plusMonths(1)));
        inUnitOfWork(() -> ledger.credit(FRAME_2026.id(), "a", Money.ofKronor(50_000), DECIDED.plusMonths(2), true));
        inUnitOfWork(() -> ledger.draw(FRAME_2026.id(), "a", Money.ofKronor(50_000), DECIDED.plusMonths(3)));

        assertThat(limits.eventsOf(FRAME_2026.id())).contains(new AppropriationCredited(FRAME_2026.id(), "a",
                Money.ofKronor(50_000), DECIDED.plusMonths(2)));
        assertThatThrownBy(() -> inUnitOfWork(() -> ledger.draw(FRAME_2026.id(), "a", Money.ofOre(1),
                DECIDED.plusMonths(4)))).as("nothing left reserved").isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> inUnitOfWork(() -> ledger.credit(FRAME_2026.id(), "a", Money.ofSek("300000.01"),
                DECIDED.plusMonths(4), true))).as("more than was drawn").isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aCreditAfterTheCaseEndedIsReleasedAtOnceAndALaterYearsRepaymentIsOnlyRecorded() {
        reserve("a", Money.ofKronor(300_000));
        inUnitOfWork(() -> ledger.draw(FRAME_2026.id(), "a", Money.ofKronor(300_000), DECIDED.plusMonths(1)));
        inUnitOfWork(() -> ledger.credit(FRAME_2026.id(), "a", Money.ofKronor(10_000), DECIDED.plusMonths(2), false));
        inUnitOfWork(() -> ledger.returnToState(FRAME_2026.id(), "a", Money.ofKronor(20_000), LocalDate.of(2027, 2, 1)));

        assertThat(limits.eventsOf(FRAME_2026.id())).endsWith(
                new AppropriationCredited(FRAME_2026.id(), "a", Money.ofKronor(10_000), DECIDED.plusMonths(2)),
                new AppropriationReleased(FRAME_2026.id(), "a", Money.ofKronor(10_000), ReleaseReason.REPAYMENT_AFTER_END,
                        DECIDED.plusMonths(2), Money.ofKronor(290_000)),
                new RepaymentReturnedToState(FRAME_2026.id(), "a", Money.ofKronor(20_000), LocalDate.of(2027, 2, 1)));
    }
}
