package se.region.grantledger.core.support;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import se.region.grantledger.core.InMemoryLimits;
import se.region.grantledger.core.api.cases.AttestPayment;
import se.region.grantledger.core.api.cases.CloseCase;
import se.region.grantledger.core.api.cases.DecideRecovery;
import se.region.grantledger.core.api.cases.ProposeAdvance;
import se.region.grantledger.core.api.cases.ProposePayment;
import se.region.grantledger.core.api.cases.RegisterRepayment;
import se.region.grantledger.core.api.cases.WithdrawDecision;
import se.region.grantledger.core.api.exchange.RegisterExchangeRate;
import se.region.grantledger.core.api.limits.AllocateAppropriation;
import se.region.grantledger.core.api.limits.AppropriationReleased;
import se.region.grantledger.core.api.limits.DeMinimisAidGranted;
import se.region.grantledger.core.api.limits.DeclareOtherDeMinimisAid;
import se.region.grantledger.core.api.limits.RegisterUndertaking;
import se.region.grantledger.core.api.support.BusinessSupportDecided;
import se.region.grantledger.core.api.support.BusinessSupportRegistered;
import se.region.grantledger.core.api.support.DecideBusinessSupport;
import se.region.grantledger.core.api.support.RegisterBusinessSupport;
import se.region.grantledger.core.api.support.SupportCaseClosed;
import se.region.grantledger.core.api.support.SupportPaymentMade;
import se.region.grantledger.core.api.support.SupportPaymentProposed;
import se.region.grantledger.core.api.support.SupportRecoveryDecided;
import se.region.grantledger.core.api.support.SupportRepaymentReceived;
import se.region.grantledger.core.model.BusinessSupportType;
import se.region.grantledger.core.model.Company;
import se.region.grantledger.core.model.Euro;
import se.region.grantledger.core.model.Fund;
import se.region.grantledger.core.model.Money;
import se.region.grantledger.core.model.Municipality;
import se.region.grantledger.core.model.OrganisationNumber;
import se.region.grantledger.core.model.ReleaseReason;
import se.region.grantledger.core.model.SupportType;
import se.region.grantledger.core.project.DiaryNumberRegistry;
import se.region.grantledger.core.rules.FundingLimits;
import se.region.grantledger.core.rules.InvalidValue;
import se.region.grantledger.core.rules.NotAllowed;
import se.region.grantledger.core.rules.Rule;
import se.region.grantledger.core.rules.StateConflict;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;
import static se.region.grantledger.core.CommandFixtures.*;

/**
 * Business support on Axon's fixture, with the frames, undertakings and rates on a real in-memory store: the
 * fixture's unit of work is the decision's, so a refusal must leave those streams as they were.
 */
class BusinessSupportTest {

    private static final String ID = "bs-1";
    private static final String DIARY = "RV190212";
    private static final LocalDate DECIDED = LocalDate.of(2026, 3, 2);
    private static final String FRAME = "REGIONAL_1_1-2026";
    private static final OrganisationNumber SALA_AB = OrganisationNumber.of("556036-0793");
    private static final OrganisationNumber LINKED_AB = OrganisationNumber.of("556677-8899");
    private static final Company SALA_COMPANY = new Company(SALA_AB, "Sala Mekaniska AB", Municipality.SALA, true, false);

    private AggregateTestFixture<BusinessSupport> fixture;
    private InMemoryLimits limits;
    private final Map<String, String> diaryNumbers = new ConcurrentHashMap<>();

    @BeforeEach
    void setUp() {
        limits = new InMemoryLimits();
        limits.send(new AllocateAppropriation(FRAME, Fund.REGIONAL_1_1, 2026, Money.ofKronor(10_000_000), "RB 2026"));
        limits.send(new RegisterExchangeRate("EUR", DECIDED, new BigDecimal("11.00"), "ECB"));
        limits.send(new RegisterUndertaking("U-1", "Sala-gruppen", List.of(SALA_AB, LINKED_AB)));
        fixture = new AggregateTestFixture<>(BusinessSupport.class);
        fixture.registerInjectableResource((DiaryNumberRegistry) (number, id) -> diaryNumbers.putIfAbsent(number, id) == null);
        fixture.registerInjectableResource(limits.appropriations);
        fixture.registerInjectableResource(limits.deMinimis);
        fixture.registerInjectableResource(FundingLimits.DEFAULTS);
    }

    private static RegisterBusinessSupport register(BusinessSupportType type, Company company) {
        return new RegisterBusinessSupport(ID, DIARY, company, type, Fund.REGIONAL_1_1, "new production line");
    }

    private static BusinessSupportRegistered registered() {
        return new BusinessSupportRegistered(ID, DIARY, SALA_COMPANY, BusinessSupportType.INVESTMENT_GRANT,
                Fund.REGIONAL_1_1, "new production line", CASE_OFFICER);
    }

    private static DecideBusinessSupport decide(String kronor) {
        return new DecideBusinessSupport(ID, "RUN 2026/40", DECIDED, Money.ofSek(kronor));
    }

    @Nested
    class Registration {

        @Test
        void anInvestmentGrantToACompanyOutsideVasterasIsRegistered() {
            fixture.givenNoPriorActivity()
                    .when(register(BusinessSupportType.INVESTMENT_GRANT, SALA_COMPANY), caseOfficer())
                    .expectEvents(registered());
        }

        @Test
        void anInvestmentGrantToAVasterasCompanyIsRefused() {
            Company vasteras = new Company(SALA_AB, "Västerås Verkstad AB", Municipality.VASTERAS, false, false);
            fixture.givenNoPriorActivity()
                    .when(register(BusinessSupportType.INVESTMENT_GRANT, vasteras), caseOfficer())
                    .expectException(violates(Rule.INVESTMENT_GRANT_OUTSIDE_VASTERAS))
                    .expectNoEvents();
        }

        @Test
        void otherSupportToAVasterasCompanyIsAllowed() {
            Company vasteras = new Company(SALA_AB, "Västerås Verkstad AB", Municipality.VASTERAS, false, false);
            fixture.givenNoPriorActivity()
                    .when(register(BusinessSupportType.CONSULTANCY_CHECK, vasteras), caseOfficer())
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void tillvaxtverketMoneyIsPassedOnOnlyAsChecks() {
            fixture.givenNoPriorActivity()
                    .when(new RegisterBusinessSupport(ID, DIARY, SALA_COMPANY, BusinessSupportType.INNOVATION_SUPPORT,
                            Fund.TILLVAXTVERKET, "x"), caseOfficer())
                    .expectException(InvalidValue.class)
                    .expectNoEvents();
        }

        @Test
        void aDiaryNumberIdentifiesOneCase() {
            diaryNumbers.put(DIARY, "p-1");
            fixture.givenNoPriorActivity()
                    .when(register(BusinessSupportType.CONSULTANCY_CHECK, SALA_COMPANY), caseOfficer())
                    .expectException(violates(Rule.DIARY_NUMBER_UNIQUE))
                    .expectNoEvents();
        }
    }

    @Nested
    class Decision {

        @Test
        void aDecisionCountsAsDeMinimisAidInEuroAndReservesTheFrame() {
            fixture.given(registered())
                    .when(decide("1100000"), approver())
                    .expectEvents(new BusinessSupportDecided(ID, "RUN 2026/40", DECIDED, Money.ofKronor(1_100_000),
                            Fund.REGIONAL_1_1, "U-1", new BigDecimal("11.00"), Euro.ofEuros(100_000), CASE_OFFICER,
                            APPROVER));
            assertThat(limits.eventsOf("U-1")).last().isEqualTo(new DeMinimisAidGranted("U-1", ID, SALA_AB, DECIDED,
                    Money.ofKronor(1_100_000), new BigDecimal("11.00"), Euro.ofEuros(100_000)));
            assertThat(limits.eventsOf(FRAME)).hasSize(2);
        }

        @Test
        void theUndertakingMayReachTheCapTogetherWithDeclaredAid() {
            limits.send(new DeclareOtherDeMinimisAid("U-1", "decl-1", LINKED_AB, "Almi", LocalDate.of(2025, 5, 1),
                    Euro.ofEuros(100_000)));
            fixture.given(registered())
                    .when(decide("2200000"), approver())
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void oneOreMoreThanTheCapAllowsIsRefusedAndNothingIsRecordedAnywhere() {
            limits.send(new DeclareOtherDeMinimisAid("U-1", "decl-1", LINKED_AB, "Almi", LocalDate.of(2025, 5, 1),
                    Euro.ofEuros(100_000)));
            int undertakingEvents = limits.eventsOf("U-1").size();
            // 2 200 000.06 kr / 11 = 200 000.0054… EUR, rounded half up to 200 000.01: one cent over the cap.
            fixture.given(registered())
                    .when(decide("2200000.06"), approver())
                    .expectException(violates(Rule.DE_MINIMIS_WITHIN_CAP))
                    .expectNoEvents();
            assertThat(limits.eventsOf("U-1")).hasSize(undertakingEvents);
            assertThat(limits.eventsOf(FRAME)).hasSize(1);
        }

        @Test
        void aDecisionOnADayWithoutAnEuroRateIsRefused() {
            fixture.given(registered())
                    .when(new DecideBusinessSupport(ID, "RUN 2026/40", DECIDED.plusDays(1), Money.ofKronor(1000)), approver())
                    .expectException(violates(Rule.EXCHANGE_RATE_ON_DECISION_DATE))
                    .expectNoEvents();
        }

        @Test
        void aCompanyWithoutARegisteredUndertakingCannotBeGrantedDeMinimisAid() {
            Company loner = new Company(OrganisationNumber.of("559000-0005"), "Ensam AB", Municipality.KOPING, false, true);
            fixture.given(new BusinessSupportRegistered(ID, DIARY, loner, BusinessSupportType.CONSULTANCY_CHECK,
                            Fund.REGIONAL_1_1, "x", CASE_OFFICER))
                    .when(decide("1000"), approver())
                    .expectException(StateConflict.class)
                    .expectNoEvents();
        }

        @Test
        void aDecisionTheFrameCannotHoldIsRefusedAndTheUndertakingKeepsNoAid() {
            limits.send(new AllocateAppropriation(FRAME, Fund.REGIONAL_1_1, 2026, Money.ofKronor(1_000_000), "cut"));
            fixture.given(registered())
                    .when(decide("1000000.01"), approver())
                    .expectException(violates(Rule.COMMITMENTS_WITHIN_FRAME))
                    .expectNoEvents();
            assertThat(limits.eventsOf("U-1")).hasSize(1);
        }

        @Test
        void theFrameMayBeFilledExactly() {
            limits.send(new AllocateAppropriation(FRAME, Fund.REGIONAL_1_1, 2026, Money.ofKronor(1_000_000), "cut"));
            fixture.given(registered())
                    .when(decide("1000000"), approver())
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void thePersonWhoRegisteredTheCaseDoesNotDecideIt() {
            fixture.given(registered())
                    .when(decide("1000"), as(CASE_OFFICER, "CASE_OFFICER", "APPROVER"))
                    .expectException(violates(Rule.DECIDER_IS_NOT_PREPARER))
                    .expectNoEvents();
        }

        @Test
        void deciderNeedsTheApproverRole() {
            fixture.given(registered())
                    .when(decide("1000"), as("dora", "CASE_OFFICER"))
                    .expectException(NotAllowed.class)
                    .expectNoEvents();
        }
    }

    @Nested
    class Payments {

        private void decided(String kronor) {
            fixture.givenCommands(by(caseOfficer(), register(BusinessSupportType.INVESTMENT_GRANT, SALA_COMPANY)),
                    by(approver(), decide(kronor)));
        }

        private ProposePayment pay(String paymentId, String kronor) {
            return new ProposePayment(ID, paymentId, null, Money.ofSek(kronor), null, LocalDate.of(2026, 9, 1),
                    "UB-" + paymentId);
        }

        @Test
        void aPaymentUpToTheDecisionIsProposedThenAttestedByAnotherPerson() {
            fixture.givenCommands(by(caseOfficer(), register(BusinessSupportType.INVESTMENT_GRANT, SALA_COMPANY)),
                            by(approver(), decide("500000")), by(caseOfficer(), pay("pay-1", "500000")))
                    .when(new AttestPayment(ID, "pay-1"), otherApprover())
                    .expectEvents(new SupportPaymentMade(ID, SupportType.BUSINESS_SUPPORT, "pay-1",
                            Money.ofKronor(500_000), Fund.REGIONAL_1_1, LocalDate.of(2026, 9, 1), "UB-pay-1",
                            CASE_OFFICER, OTHER_APPROVER));
        }

        @Test
        void oneOreAboveTheDecisionIsRefused() {
            decided("500000");
            fixture.when(pay("pay-1", "500000.01"), caseOfficer())
                    .expectException(violates(Rule.CUMULATIVE_PAYMENTS_WITHIN_GRANT))
                    .expectNoEvents();
        }

        @Test
        void theProposerDoesNotAttest() {
            fixture.givenCommands(by(caseOfficer(), register(BusinessSupportType.INVESTMENT_GRANT, SALA_COMPANY)),
                            by(approver(), decide("500000")), by(otherApprover(), pay("pay-1", "100")))
                    .when(new AttestPayment(ID, "pay-1"), otherApprover())
                    .expectException(violates(Rule.ATTESTER_IS_NOT_PROPOSER))
                    .expectNoEvents();
        }

        @Test
        void businessSupportIsPaidInInstalmentsNotByRequisitionOrAdvance() {
            decided("500000");
            fixture.when(new ProposePayment(ID, "pay-1", "r-1", Money.ofKronor(1), null, DECIDED, "UB"), caseOfficer())
                    .expectException(refusedAs("no-requisitions"))
                    .expectNoEvents();
            fixture.when(new ProposeAdvance(ID, "adv-1", Money.ofKronor(1), null, DECIDED, "UB", "bridge"), caseOfficer())
                    .expectException(refusedAs("advance-not-allowed"))
                    .expectNoEvents();
        }

        @Test
        void aPaymentIsNotDatedBeforeTheDecision() {
            decided("500000");
            fixture.when(new ProposePayment(ID, "pay-1", null, Money.ofKronor(1), null, DECIDED.minusDays(1), "UB"),
                            caseOfficer())
                    .expectException(violates(Rule.DATE_NOT_BEFORE_DECISION))
                    .expectNoEvents();
        }

        @Test
        void closureReleasesWhatWasNotPaid() {
            fixture.givenCommands(by(caseOfficer(), register(BusinessSupportType.INVESTMENT_GRANT, SALA_COMPANY)),
                            by(approver(), decide("500000")), by(caseOfficer(), pay("pay-1", "300000")),
                            by(otherApprover(), new AttestPayment(ID, "pay-1")))
                    .when(new CloseCase(ID, LocalDate.of(2026, 12, 1), "final costs shown"), approver())
                    .expectEvents(new SupportCaseClosed(ID, SupportType.BUSINESS_SUPPORT, LocalDate.of(2026, 12, 1),
                            Money.ofKronor(200_000), "final costs shown"));
            assertThat(limits.eventsOf(FRAME)).last().isEqualTo(new AppropriationReleased(FRAME, ID,
                    Money.ofKronor(200_000), ReleaseReason.CLOSURE, LocalDate.of(2026, 12, 1), Money.ofKronor(300_000)));
        }

        @Test
        void withdrawalReleasesEverythingUnpaid() {
            decided("500000");
            fixture.when(new WithdrawDecision(ID, LocalDate.of(2026, 4, 1), "the company withdrew"), approver())
                    .expectSuccessfulHandlerExecution();
            assertThat(limits.eventsOf(FRAME)).last().isEqualTo(new AppropriationReleased(FRAME, ID,
                    Money.ofKronor(500_000), ReleaseReason.WITHDRAWAL, LocalDate.of(2026, 4, 1), Money.ZERO));
        }

        @Test
        void aRecoveryAboveWhatWasPaidIsRefused() {
            fixture.givenCommands(by(caseOfficer(), register(BusinessSupportType.INVESTMENT_GRANT, SALA_COMPANY)),
                            by(approver(), decide("500000")), by(caseOfficer(), pay("pay-1", "300000")),
                            by(otherApprover(), new AttestPayment(ID, "pay-1")))
                    .when(new DecideRecovery(ID, "rec-1", LocalDate.of(2027, 1, 1),
                            Money.ofSek("300000.01"), "the machine was sold"), approver())
                    .expectException(violates(Rule.RECOVERY_WITHIN_PAID))
                    .expectNoEvents();
        }

        @Test
        void aRepaymentAboveWhatIsOwedIsRefused() {
            fixture.given(registered(),
                            new BusinessSupportDecided(ID, "RUN 2026/40", DECIDED, Money.ofKronor(500_000),
                                    Fund.REGIONAL_1_1, "U-1", new BigDecimal("11.00"), Euro.ofEuros(45_454), CASE_OFFICER,
                                    APPROVER),
                            new SupportPaymentProposed(ID, SupportType.BUSINESS_SUPPORT, "pay-1", Money.ofKronor(300_000),
                                    Fund.REGIONAL_1_1, LocalDate.of(2026, 9, 1), "UB", CASE_OFFICER),
                            new SupportPaymentMade(ID, SupportType.BUSINESS_SUPPORT, "pay-1", Money.ofKronor(300_000),
                                    Fund.REGIONAL_1_1, LocalDate.of(2026, 9, 1), "UB", CASE_OFFICER, OTHER_APPROVER),
                            new SupportRecoveryDecided(ID, SupportType.BUSINESS_SUPPORT, "rec-1", LocalDate.of(2027, 1, 1),
                                    Money.ofKronor(100_000), "sold"),
                            new SupportRepaymentReceived(ID, SupportType.BUSINESS_SUPPORT, "rec-1", Money.ofKronor(60_000),
                                    LocalDate.of(2027, 2, 1), "BG 1", Money.ZERO, Money.ofKronor(60_000)))
                    .when(new RegisterRepayment(ID, "rec-1", Money.ofSek("40000.01"),
                            LocalDate.of(2027, 3, 1), "BG 2"))
                    .expectException(violates(Rule.REPAYMENT_WITHIN_RECOVERY))
                    .expectNoEvents();
        }
    }
}
