package se.region.grantledger.core.project;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import se.region.grantledger.core.api.cases.AttestPayment;
import se.region.grantledger.core.api.cases.CloseCase;
import se.region.grantledger.core.api.cases.DecideRecovery;
import se.region.grantledger.core.api.cases.ProposeAdvance;
import se.region.grantledger.core.api.cases.ProposePayment;
import se.region.grantledger.core.api.cases.RegisterRepayment;
import se.region.grantledger.core.api.cases.WithdrawDecision;
import se.region.grantledger.core.api.project.AmendGrant;
import se.region.grantledger.core.api.project.ApproveRequisition;
import se.region.grantledger.core.api.project.DecideGrant;
import se.region.grantledger.core.api.project.GrantAmended;
import se.region.grantledger.core.api.project.GrantDecided;
import se.region.grantledger.core.api.project.GrantDecisionProposed;
import se.region.grantledger.core.api.project.GrantWithdrawn;
import se.region.grantledger.core.api.project.PaymentMade;
import se.region.grantledger.core.api.project.PaymentProposed;
import se.region.grantledger.core.api.project.ProjectClosed;
import se.region.grantledger.core.api.project.ProjectRegistered;
import se.region.grantledger.core.api.project.ProposeGrantDecision;
import se.region.grantledger.core.api.project.RecoveryDecided;
import se.region.grantledger.core.api.project.RegisterProject;
import se.region.grantledger.core.api.project.RejectRequisition;
import se.region.grantledger.core.api.project.RepaymentReceived;
import se.region.grantledger.core.api.project.RequisitionApproved;
import se.region.grantledger.core.api.project.RequisitionRejected;
import se.region.grantledger.core.api.project.RequisitionSubmitted;
import se.region.grantledger.core.api.project.SubmitRequisition;
import se.region.grantledger.core.appropriation.RecordingAppropriations;
import se.region.grantledger.core.model.Actor;
import se.region.grantledger.core.model.CostCategory;
import se.region.grantledger.core.model.Deduction;
import se.region.grantledger.core.model.FinancingPlan;
import se.region.grantledger.core.model.Fund;
import se.region.grantledger.core.model.FunderCategory;
import se.region.grantledger.core.model.FundingForm;
import se.region.grantledger.core.model.Money;
import se.region.grantledger.core.model.Municipality;
import se.region.grantledger.core.model.PaymentType;
import se.region.grantledger.core.model.Period;
import se.region.grantledger.core.model.ProjectKind;
import se.region.grantledger.core.model.ReportedCosts;
import se.region.grantledger.core.rules.ExpectedVersion;
import se.region.grantledger.core.rules.FundingLimits;
import se.region.grantledger.core.rules.NotAllowed;
import se.region.grantledger.core.rules.Rule;
import se.region.grantledger.core.rules.StateConflict;
import se.region.grantledger.core.rules.UnknownEntity;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static se.region.grantledger.core.CommandFixtures.*;
import static se.region.grantledger.core.project.ProjectFixtures.*;

class ProjectTest {

    private static final LocalDate PAID_ON = LocalDate.of(2025, 11, 20);

    private AggregateTestFixture<Project> fixture;
    private InMemoryDiaryNumbers diaryNumbers;
    private RecordingAppropriations appropriations;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Project.class);
        diaryNumbers = new InMemoryDiaryNumbers();
        fixture.registerInjectableResource(diaryNumbers);
        fixture.registerInjectableResource(FundingLimits.DEFAULTS);
        appropriations = new RecordingAppropriations();
        fixture.registerInjectableResource(appropriations);
    }

    static Matcher<Throwable> conflicts(String code) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(Throwable thrown) {
                return thrown instanceof StateConflict conflict && conflict.code().equals(code);
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a state conflict " + code);
            }
        };
    }

    private static ProposePayment pay(String paymentId, String requisitionId, String kronor) {
        return new ProposePayment(ID, paymentId, requisitionId, sek(kronor), Fund.REGIONAL_1_1, PAID_ON, "UB-" + paymentId);
    }

    private static PaymentProposed paymentProposed(String paymentId, String requisitionId, String kronor) {
        return new PaymentProposed(ID, paymentId, PaymentType.REQUISITION, requisitionId, sek(kronor), Fund.REGIONAL_1_1,
                PAID_ON, "UB-" + paymentId, null, CASE_OFFICER);
    }

    private static PaymentMade paid(String paymentId, String requisitionId, String kronor) {
        return new PaymentMade(ID, paymentId, PaymentType.REQUISITION, requisitionId, sek(kronor), Fund.REGIONAL_1_1,
                PAID_ON, "UB-" + paymentId, null, CASE_OFFICER, OTHER_APPROVER);
    }

    private static ProposeAdvance advance(String kronor) {
        return new ProposeAdvance(ID, "adv-1", sek(kronor), Fund.REGIONAL_1_1, LocalDate.of(2025, 4, 10), "UB-adv",
                "the owner cannot bridge the first half year");
    }

    private static PaymentProposed advanceProposed(String kronor) {
        return new PaymentProposed(ID, "adv-1", PaymentType.ADVANCE, null, sek(kronor), Fund.REGIONAL_1_1,
                LocalDate.of(2025, 4, 10), "UB-adv", "the owner cannot bridge the first half year", CASE_OFFICER);
    }

    private static PaymentMade advancePaid(String kronor) {
        return new PaymentMade(ID, "adv-1", PaymentType.ADVANCE, null, sek(kronor), Fund.REGIONAL_1_1,
                LocalDate.of(2025, 4, 10), "UB-adv", "the owner cannot bridge the first half year", CASE_OFFICER,
                APPROVER);
    }

    private static SubmitRequisition submit(String requisitionId, Period period, ReportedCosts costs) {
        return new SubmitRequisition(ID, requisitionId, period, costs, Map.of(FunderCategory.ERUF, sek("100")),
                LocalDate.of(2025, 10, 15));
    }

    private static final Period FIRST_HALF_YEAR = new Period(LocalDate.of(2025, 4, 1), LocalDate.of(2025, 9, 30));

    @Nested
    class Registration {

        private RegisterProject register(String diaryNumber) {
            return new RegisterProject(ID, diaryNumber, null, "Invästmanland", OWNER,
                    Set.of(Municipality.SALA, Municipality.VASTERAS, Municipality.KOPING), ProjectKind.PROJECT,
                    "Attraktionskraft", PERIOD);
        }

        @Test
        void registersAProjectWithItsMunicipalitiesInCodeOrder() {
            fixture.givenNoPriorActivity()
                    .when(register(DIARY))
                    .expectEvents(new ProjectRegistered(ID, DIARY, null, "Invästmanland", OWNER,
                            List.of(Municipality.VASTERAS, Municipality.SALA, Municipality.KOPING), ProjectKind.PROJECT,
                            "Attraktionskraft", PERIOD));
        }

        @Test
        void cannotRegisterWithAnEmptyMunicipality() {
            java.util.Set<Municipality> withEmpty = new java.util.HashSet<>(java.util.Arrays.asList(Municipality.SALA, null));
            fixture.givenNoPriorActivity()
                    .when(new RegisterProject(ID, DIARY, null, "T", OWNER, withEmpty, ProjectKind.PROJECT, "x", PERIOD))
                    .expectException(se.region.grantledger.core.rules.InvalidValue.class)
                    .expectNoEvents();
        }

        @Test
        void cannotReuseADiaryNumber() {
            diaryNumbers.claim(DIARY, "another-project");
            fixture.givenNoPriorActivity()
                    .when(register(DIARY))
                    .expectException(violates(Rule.DIARY_NUMBER_UNIQUE))
                    .expectNoEvents();
        }
    }

    @Nested
    class GrantDecision {

        private ProposeGrantDecision propose(FinancingPlan plan) {
            return new ProposeGrantDecision(ID, plan, List.of("final report by 2028-06-30"));
        }

        @Test
        void aCaseOfficerProposesTheInvastmanlandPlan() {
            FinancingPlan plan = invastmanlandPlan();
            fixture.given(registered())
                    .when(propose(plan), caseOfficer())
                    .expectEvents(new GrantDecisionProposed(ID, plan, sek("2500000"), sek("16055000"),
                            List.of("final report by 2028-06-30"), CASE_OFFICER));
        }

        @Test
        void anApproverDecidesWhatWasProposed() {
            FinancingPlan plan = invastmanlandPlan();
            fixture.given(registered(), proposed(plan))
                    .when(new DecideGrant(ID, "RUN 2025/17", DECIDED_ON), approver())
                    .expectEvents(new GrantDecided(ID, "RUN 2025/17", DECIDED_ON, plan, sek("2500000"), sek("16055000"),
                            List.of(), CASE_OFFICER, APPROVER));
        }

        @Test
        void regionalShareMayBeExactlyHalf() {
            fixture.given(registered()).when(propose(plan("500000", "500000")), caseOfficer()).expectSuccessfulHandlerExecution();
        }

        @Test
        void regionalShareCannotExceedHalfByOneOre() {
            fixture.given(registered())
                    .when(propose(plan("500000.01", "500000")), caseOfficer())
                    .expectException(violates(Rule.REGIONAL_SHARE_WITHIN_LIMIT))
                    .expectExceptionMessage(org.hamcrest.Matchers.containsString("1:1 funding 500 000,01 SEK"))
                    .expectNoEvents();
        }

        @Test
        void regionalShareLimitIsConfigurable() {
            AggregateTestFixture<Project> stricter = new AggregateTestFixture<>(Project.class);
            stricter.registerInjectableResource(diaryNumbers);
            stricter.registerInjectableResource(appropriations);
            stricter.registerInjectableResource(new FundingLimits(40, 50, Money.ofKronor(400_000), 50));
            stricter.given(registered())
                    .when(propose(plan("400000", "600000")), caseOfficer())
                    .expectSuccessfulHandlerExecution();
            stricter.given(registered())
                    .when(propose(plan("400000.01", "600000")), caseOfficer())
                    .expectException(violates(Rule.REGIONAL_SHARE_WITHIN_LIMIT))
                    .expectNoEvents();
        }

        @Test
        void planMustIncludeRegionalFunding() {
            FinancingPlan withoutRegional = new FinancingPlan(List.of(
                    line("ERUF", FunderCategory.ERUF, FundingForm.CASH, "100000")));
            fixture.given(registered())
                    .when(propose(withoutRegional), caseOfficer())
                    .expectException(violates(Rule.PLAN_INCLUDES_REGIONAL_FUNDING))
                    .expectNoEvents();
        }

        @Test
        void aProjectReachingThreeMunicipalitiesMayBeGranted() {
            fixture.given(registered(ProjectKind.PROJECT, Municipality.SALA, Municipality.NORBERG, Municipality.ARBOGA))
                    .when(propose(invastmanlandPlan()), caseOfficer())
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void aProjectReachingTwoMunicipalitiesCannotBeGranted() {
            fixture.given(registered(ProjectKind.PROJECT, Municipality.SALA, Municipality.NORBERG))
                    .when(propose(invastmanlandPlan()), caseOfficer())
                    .expectException(violates(Rule.MINIMUM_MUNICIPALITIES))
                    .expectNoEvents();
        }

        @Test
        void aPilotOrFeasibilityStudyMayReachOneMunicipality() {
            fixture.given(registered(ProjectKind.PILOT, Municipality.FAGERSTA))
                    .when(propose(invastmanlandPlan()), caseOfficer())
                    .expectSuccessfulHandlerExecution();
            fixture.given(registered(ProjectKind.FEASIBILITY_STUDY, Municipality.FAGERSTA))
                    .when(propose(invastmanlandPlan()), caseOfficer())
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void aGrantIsDecidedOnce() {
            fixture.given(registered(), decided(invastmanlandPlan()))
                    .when(new DecideGrant(ID, "RUN 2025/18", DECIDED_ON), otherApprover())
                    .expectException(conflicts("already-decided"))
                    .expectNoEvents();
        }
    }

    @Nested
    class Amendment {

        @Test
        void mayLowerTheGrantToWhatWasPaid() {
            FinancingPlan lowered = plan("400000", "600000");
            fixture.given(registered(), decided(invastmanlandPlan()), advancePaid("400000"))
                    .when(new AmendGrant(ID, "RUN 2026/3", LocalDate.of(2026, 1, 10), lowered, null, "smaller scope"), approver())
                    .expectEvents(new GrantAmended(ID, "RUN 2026/3", LocalDate.of(2026, 1, 10), lowered, PERIOD,
                            sek("400000"), sek("2500000"), sek("1000000"), "smaller scope"));
        }

        @Test
        void cannotLowerTheGrantBelowWhatWasPaid() {
            fixture.given(registered(), decided(invastmanlandPlan()), advancePaid("400000"))
                    .when(new AmendGrant(ID, "RUN 2026/3", LocalDate.of(2026, 1, 10), plan("399999.99", "600000"),
                            null, "smaller scope"), approver())
                    .expectException(violates(Rule.AMENDMENT_NOT_BELOW_PAID))
                    .expectNoEvents();
        }

        @Test
        void anAmendedPlanObeysTheRegionalShareLimit() {
            fixture.given(registered(), decided(invastmanlandPlan()))
                    .when(new AmendGrant(ID, "RUN 2026/3", LocalDate.of(2026, 1, 10), plan("600000", "500000"),
                            null, "more money"), approver())
                    .expectException(violates(Rule.REGIONAL_SHARE_WITHIN_LIMIT))
                    .expectNoEvents();
        }

        @Test
        void cannotBeDatedBeforeTheDecision() {
            fixture.given(registered(), decided(invastmanlandPlan()))
                    .when(new AmendGrant(ID, "RUN 2026/3", DECIDED_ON.minusDays(1), null,
                            new Period(PERIOD.start(), PERIOD.end().plusMonths(6)), "longer"), approver())
                    .expectException(violates(Rule.DATE_NOT_BEFORE_DECISION))
                    .expectNoEvents();
        }
    }

    @Nested
    class Advance {

        @Test
        void mayBeTheFullSek400000OfALargeGrant() {
            fixture.given(registered(), decided(invastmanlandPlan()))
                    .when(advance("400000"), caseOfficer())
                    .expectEvents(advanceProposed("400000"));
        }

        @Test
        void cannotExceedSek400000() {
            fixture.given(registered(), decided(invastmanlandPlan()))
                    .when(advance("400000.01"), caseOfficer())
                    .expectException(violates(Rule.ADVANCE_WITHIN_LIMITS))
                    .expectNoEvents();
        }

        @Test
        void mayBeHalfOfASmallGrant() {
            fixture.given(registered(), decided(plan("500000", "600000")))
                    .when(advance("250000"), caseOfficer())
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void cannotExceedHalfOfASmallGrant() {
            fixture.given(registered(), decided(plan("500000", "600000")))
                    .when(advance("250000.01"), caseOfficer())
                    .expectException(violates(Rule.ADVANCE_WITHIN_LIMITS))
                    .expectNoEvents();
        }

        @Test
        void needsADecidedGrant() {
            fixture.given(registered())
                    .when(advance("1000"), caseOfficer())
                    .expectException(conflicts("not-decided"))
                    .expectNoEvents();
        }
    }

    @Nested
    class Requisitions {

        @Test
        void mayCoverThePeriodUpToTheProjectsLastDay() {
            Period toTheEnd = new Period(LocalDate.of(2027, 10, 1), PERIOD.end());
            fixture.given(registered(), decided(invastmanlandPlan()))
                    .when(submit("r-1", toTheEnd, costs(CostCategory.STAFF, "100000")))
                    .expectEvents(new RequisitionSubmitted(ID, "r-1", toTheEnd, costs(CostCategory.STAFF, "100000"),
                            sek("100000"), Map.of(FunderCategory.ERUF, sek("100")), LocalDate.of(2025, 10, 15)));
        }

        @Test
        void cannotCoverADayAfterTheProjectPeriod() {
            fixture.given(registered(), decided(invastmanlandPlan()))
                    .when(submit("r-1", new Period(LocalDate.of(2027, 10, 1), PERIOD.end().plusDays(1)),
                            costs(CostCategory.STAFF, "100000")))
                    .expectException(violates(Rule.REQUISITION_WITHIN_PROJECT_PERIOD))
                    .expectNoEvents();
        }

        @Test
        void onlyOneRequisitionMayBeOpen() {
            fixture.given(registered(), decided(invastmanlandPlan()), submitted("r-1", costs(CostCategory.STAFF, "1000")))
                    .when(submit("r-2", FIRST_HALF_YEAR, costs(CostCategory.STAFF, "1000")))
                    .expectException(violates(Rule.ONE_OPEN_REQUISITION))
                    .expectNoEvents();
        }

        @Test
        void aNewRequisitionMayFollowADecidedOne() {
            fixture.given(registered(), decided(invastmanlandPlan()), submitted("r-1", costs(CostCategory.STAFF, "1000")),
                            new RequisitionRejected(ID, "r-1", LocalDate.of(2025, 11, 1), "no receipts"))
                    .when(submit("r-2", FIRST_HALF_YEAR, costs(CostCategory.STAFF, "1000")))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void inKindCostsMayReachTheInKindFinancing() {
            // in-kind financing in the plan: 6 400 000 + 510 000 + 245 000
            fixture.given(registered(), decided(invastmanlandPlan()))
                    .when(submit("r-1", FIRST_HALF_YEAR, costs(CostCategory.IN_KIND, "7155000")))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void inKindCostsCannotExceedTheInKindFinancing() {
            fixture.given(registered(), decided(invastmanlandPlan()))
                    .when(submit("r-1", FIRST_HALF_YEAR, costs(CostCategory.IN_KIND, "7155000.01")))
                    .expectException(violates(Rule.IN_KIND_COSTS_NEED_IN_KIND_FINANCING))
                    .expectNoEvents();
        }

        @Test
        void inKindCostsNeedInKindFinancing() {
            fixture.given(registered(), decided(plan("500000", "600000")))
                    .when(submit("r-1", FIRST_HALF_YEAR, costs(CostCategory.IN_KIND, "0.01")))
                    .expectException(violates(Rule.IN_KIND_COSTS_NEED_IN_KIND_FINANCING))
                    .expectNoEvents();
        }

        @Test
        void cannotBeSubmittedAfterClosure() {
            fixture.given(registered(), decided(invastmanlandPlan()),
                            new ProjectClosed(ID, LocalDate.of(2028, 6, 30), sek("2500000"), null))
                    .when(submit("r-1", FIRST_HALF_YEAR, costs(CostCategory.STAFF, "1000")))
                    .expectException(conflicts("case-closed"))
                    .expectNoEvents();
        }
    }

    @Nested
    class Approval {

        private final ReportedCosts reported = new ReportedCosts(Map.of(
                CostCategory.STAFF, sek("1000000"), CostCategory.IN_KIND, sek("605500")));

        @Test
        void payableIsTheRegionalShareOfApprovedCostsRoundedDown() {
            // 1 605 500 × 2 500 000 / 16 055 000 = 250 000 exactly
            fixture.given(registered(), decided(invastmanlandPlan()), submitted("r-1", reported))
                    .when(new ApproveRequisition(ID, "r-1", LocalDate.of(2025, 11, 1), List.of()), approver())
                    .expectEvents(new RequisitionApproved(ID, "r-1", LocalDate.of(2025, 11, 1), reported,
                            sek("1605500"), List.of(), sek("250000"), APPROVER));
        }

        @Test
        void deductionsReduceTheApprovedCosts() {
            Deduction deduction = new Deduction(CostCategory.STAFF, sek("160550"), "time not documented");
            ReportedCosts approvedCosts = new ReportedCosts(Map.of(
                    CostCategory.STAFF, sek("839450"), CostCategory.IN_KIND, sek("605500")));
            // 1 444 950 × 2 500 000 / 16 055 000 = 225 000
            fixture.given(registered(), decided(invastmanlandPlan()), submitted("r-1", reported))
                    .when(new ApproveRequisition(ID, "r-1", LocalDate.of(2025, 11, 1), List.of(deduction)), approver())
                    .expectEvents(new RequisitionApproved(ID, "r-1", LocalDate.of(2025, 11, 1), approvedCosts,
                            sek("1444950"), List.of(deduction), sek("225000"), APPROVER));
        }

        @Test
        void aDeductionMayTakeAllOfACategory() {
            fixture.given(registered(), decided(invastmanlandPlan()), submitted("r-1", reported))
                    .when(new ApproveRequisition(ID, "r-1", LocalDate.of(2025, 11, 1),
                            List.of(new Deduction(CostCategory.STAFF, sek("1000000"), "not eligible"))), approver())
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void aDeductionCannotExceedTheReportedCosts() {
            fixture.given(registered(), decided(invastmanlandPlan()), submitted("r-1", reported))
                    .when(new ApproveRequisition(ID, "r-1", LocalDate.of(2025, 11, 1),
                            List.of(new Deduction(CostCategory.STAFF, sek("600000"), "a"),
                                    new Deduction(CostCategory.STAFF, sek("400000.01"), "b"))), approver())
                    .expectException(violates(Rule.DEDUCTION_WITHIN_REPORTED_COSTS))
                    .expectNoEvents();
        }

        @Test
        void advancesAreNettedFromWhatBecomesPayable() {
            // entitlement 250 000, of which the advance of 100 000 already covers part
            fixture.given(registered(), decided(invastmanlandPlan()), advancePaid("100000"), submitted("r-1", reported))
                    .when(new ApproveRequisition(ID, "r-1", LocalDate.of(2025, 11, 1), List.of()), approver())
                    .expectEvents(new RequisitionApproved(ID, "r-1", LocalDate.of(2025, 11, 1), reported,
                            sek("1605500"), List.of(), sek("150000"), APPROVER));
        }

        @Test
        void anUnknownRequisitionCannotBeApproved() {
            fixture.given(registered(), decided(invastmanlandPlan()))
                    .when(new ApproveRequisition(ID, "nope", LocalDate.of(2025, 11, 1), List.of()), approver())
                    .expectException(UnknownEntity.class)
                    .expectNoEvents();
        }

        @Test
        void aRequisitionIsDecidedOnce() {
            fixture.given(registered(), decided(invastmanlandPlan()), submitted("r-1", reported),
                            approved("r-1", reported, "250000"))
                    .when(new RejectRequisition(ID, "r-1", LocalDate.of(2025, 11, 2), "changed my mind"), approver())
                    .expectException(conflicts("requisition-already-decided"))
                    .expectNoEvents();
        }
    }

    @Nested
    class Payment {

        private final ReportedCosts reported = costs(CostCategory.STAFF, "1605500");

        @Test
        void mayPayAllThatIsPayable() {
            fixture.given(registered(), decided(invastmanlandPlan()), submitted("r-1", reported),
                            approved("r-1", reported, "250000"))
                    .when(pay("pay-1", "r-1", "250000"), caseOfficer())
                    .expectEvents(paymentProposed("pay-1", "r-1", "250000"));
        }

        @Test
        void cannotPayAnOreMoreThanPayable() {
            fixture.given(registered(), decided(invastmanlandPlan()), submitted("r-1", reported),
                            approved("r-1", reported, "250000"), paid("pay-1", "r-1", "100000"))
                    .when(pay("pay-2", "r-1", "150000.01"), caseOfficer())
                    .expectException(violates(Rule.PAYMENT_WITHIN_PAYABLE))
                    .expectNoEvents();
        }

        @Test
        void mayPayTheWholeGrant() {
            ReportedCosts all = costs(CostCategory.STAFF, "1000000");
            fixture.given(registered(), decided(plan("500000", "500000")), submitted("r-1", all),
                            approved("r-1", all, "500000"), paid("pay-1", "r-1", "499999.99"))
                    .when(pay("pay-2", "r-1", "0.01"), caseOfficer())
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void cannotPayAnOreAboveTheGrant() {
            ReportedCosts all = costs(CostCategory.STAFF, "1000000");
            fixture.given(registered(), decided(plan("500000", "500000")), submitted("r-1", all),
                            approved("r-1", all, "500000"), paid("pay-1", "r-1", "500000"),
                            submitted("r-2", all), approved("r-2", all, "0"))
                    .when(pay("pay-2", "r-2", "0.01"), caseOfficer())
                    .expectException(violates(Rule.CUMULATIVE_PAYMENTS_WITHIN_GRANT))
                    .expectExceptionMessage(org.hamcrest.Matchers.containsString(
                            "payment 0,01 SEK exceeds the remaining grant 0 SEK on project RV190046"))
                    .expectNoEvents();
        }

        @Test
        void advancesCountTowardsTheGrant() {
            fixture.given(registered(), decided(plan("500000", "500000")), advancePaid("250000"))
                    .when(new ProposeAdvance(ID, "adv-2", sek("0.01"), Fund.REGIONAL_1_1, PAID_ON, "UB-2", "again"), caseOfficer())
                    .expectException(violates(Rule.ADVANCE_WITHIN_LIMITS))
                    .expectNoEvents();
        }

        @Test
        void isDrawnFromTheOneOneFund() {
            fixture.given(registered(), decided(invastmanlandPlan()), submitted("r-1", reported),
                            approved("r-1", reported, "250000"))
                    .when(new ProposePayment(ID, "pay-1", "r-1", sek("1000"), Fund.TILLVAXTVERKET, PAID_ON, "UB-1"), caseOfficer())
                    .expectException(violates(Rule.PAYMENT_FROM_GRANT_FUND))
                    .expectNoEvents();
        }

        @Test
        void cannotPrecedeTheDecision() {
            fixture.given(registered(), decided(invastmanlandPlan()), submitted("r-1", reported),
                            approved("r-1", reported, "250000"))
                    .when(new ProposePayment(ID, "pay-1", "r-1", sek("1000"), Fund.REGIONAL_1_1, DECIDED_ON.minusDays(1), "UB-1"), caseOfficer())
                    .expectException(violates(Rule.DATE_NOT_BEFORE_DECISION))
                    .expectNoEvents();
        }

        @Test
        void needsAnApprovedRequisition() {
            fixture.given(registered(), decided(invastmanlandPlan()), submitted("r-1", reported))
                    .when(pay("pay-1", "r-1", "1000"), caseOfficer())
                    .expectException(conflicts("requisition-not-approved"))
                    .expectNoEvents();
        }

        @Test
        void aPaymentIdIsUsedOnce() {
            fixture.given(registered(), decided(invastmanlandPlan()), submitted("r-1", reported),
                            approved("r-1", reported, "250000"), paid("pay-1", "r-1", "1000"))
                    .when(pay("pay-1", "r-1", "1000"), caseOfficer())
                    .expectException(conflicts("payment-already-made"))
                    .expectNoEvents();
        }
    }

    @Nested
    class RecoveryAndRepayment {

        private final ReportedCosts reported = costs(CostCategory.STAFF, "1605500");

        private Object[] paidHistory() {
            return new Object[]{registered(), decided(invastmanlandPlan()), submitted("r-1", reported),
                    approved("r-1", reported, "250000"), paid("pay-1", "r-1", "250000")};
        }

        @Test
        void mayRecoverAllThatWasPaid() {
            fixture.given(paidHistory())
                    .when(new DecideRecovery(ID, "rec-1", LocalDate.of(2026, 2, 1), sek("250000"), "costs not eligible"), approver())
                    .expectEvents(new RecoveryDecided(ID, "rec-1", LocalDate.of(2026, 2, 1), sek("250000"), "costs not eligible"));
        }

        @Test
        void cannotRecoverMoreThanWasPaid() {
            fixture.given(paidHistory())
                    .when(new DecideRecovery(ID, "rec-1", LocalDate.of(2026, 2, 1), sek("250000.01"), "costs not eligible"), approver())
                    .expectException(violates(Rule.RECOVERY_WITHIN_PAID))
                    .expectNoEvents();
        }

        @Test
        void mayRepayWhatIsOwed() {
            fixture.given(paidHistory())
                    .andGiven(new RecoveryDecided(ID, "rec-1", LocalDate.of(2026, 2, 1), sek("50000"), "x"))
                    .when(new RegisterRepayment(ID, "rec-1", sek("50000"), LocalDate.of(2026, 3, 1), "BG 123"))
                    .expectEvents(new RepaymentReceived(ID, "rec-1", sek("50000"), LocalDate.of(2026, 3, 1), "BG 123",
                            Money.ZERO, sek("50000")));
        }

        @Test
        void cannotRepayMoreThanIsOwed() {
            fixture.given(paidHistory())
                    .andGiven(new RecoveryDecided(ID, "rec-1", LocalDate.of(2026, 2, 1), sek("50000"), "x"),
                            new RepaymentReceived(ID, "rec-1", sek("20000"), LocalDate.of(2026, 3, 1), "BG 1",
                                    Money.ZERO, sek("20000")))
                    .when(new RegisterRepayment(ID, "rec-1", sek("30000.01"), LocalDate.of(2026, 3, 2), "BG 2"))
                    .expectException(violates(Rule.REPAYMENT_WITHIN_RECOVERY))
                    .expectNoEvents();
        }

        @Test
        void repaidMoneyMayBePaidAgainWithinTheGrant() {
            ReportedCosts all = costs(CostCategory.STAFF, "1000000");
            fixture.given(registered(), decided(plan("500000", "500000")), submitted("r-1", all),
                            approved("r-1", all, "500000"), paid("pay-1", "r-1", "400000"),
                            new RecoveryDecided(ID, "rec-1", LocalDate.of(2026, 2, 1), sek("100000"), "x"),
                            new RepaymentReceived(ID, "rec-1", sek("100000"), LocalDate.of(2026, 3, 1), "BG 1",
                                    Money.ZERO, sek("100000")))
                    .when(pay("pay-2", "r-1", "100000"), caseOfficer())
                    .expectSuccessfulHandlerExecution();
        }
    }

    /** Money coming back (docs/adr/0014): the case and its frame tell the same story about every krona. */
    @Nested
    class MoneyComingBack {

        private final ReportedCosts all = costs(CostCategory.STAFF, "400000");
        private final LocalDate sameYear = PAID_ON.plusDays(20);
        private final LocalDate nextYear = PAID_ON.plusYears(1);

        private Object[] paidInFull() {
            return new Object[]{registered(), decided(plan("200000", "200000")), submitted("r-1", all),
                    approved("r-1", all, "200000"), paid("pay-1", "r-1", "200000"),
                    new RecoveryDecided(ID, "rec-1", PAID_ON.plusDays(10), sek("50000"), "costs not eligible")};
        }

        @Test
        void aRepaymentInThePaymentsYearIsCreditedBackToItsFrame() {
            fixture.given(paidInFull())
                    .when(new RegisterRepayment(ID, "rec-1", sek("50000"), sameYear, "BG 1"))
                    .expectEvents(new RepaymentReceived(ID, "rec-1", sek("50000"), sameYear, "BG 1", sek("50000"),
                            Money.ZERO));
            assertThat(appropriations.calls).containsExactly("credit REGIONAL_1_1-2025 p-1 50 000 SEK " + sameYear);
        }

        @Test
        void aRepaymentInALaterYearGoesToTheState() {
            fixture.given(paidInFull())
                    .when(new RegisterRepayment(ID, "rec-1", sek("50000"), nextYear, "BG 1"))
                    .expectEvents(new RepaymentReceived(ID, "rec-1", sek("50000"), nextYear, "BG 1", Money.ZERO,
                            sek("50000")));
            assertThat(appropriations.calls).containsExactly("to the state REGIONAL_1_1-2025 p-1 50 000 SEK " + nextYear);
        }

        @Test
        void closureReleasesWhatACreditedRepaymentGaveBack() {
            fixture.given(paidInFull())
                    .andGiven(new RepaymentReceived(ID, "rec-1", sek("50000"), sameYear, "BG 1", sek("50000"), Money.ZERO))
                    .when(new CloseCase(ID, LocalDate.of(2028, 6, 30), null), approver())
                    .expectEvents(new ProjectClosed(ID, LocalDate.of(2028, 6, 30), sek("50000"), null));
            assertThat(appropriations.calls).containsExactly("release REGIONAL_1_1-2025 p-1 50 000 SEK CLOSURE 2028-06-30");
        }

        @Test
        void closureAfterALaterYearRepaymentReleasesNothing() {
            fixture.given(paidInFull())
                    .andGiven(new RepaymentReceived(ID, "rec-1", sek("50000"), nextYear, "BG 1", Money.ZERO, sek("50000")))
                    .when(new CloseCase(ID, LocalDate.of(2028, 6, 30), null), approver())
                    .expectEvents(new ProjectClosed(ID, LocalDate.of(2028, 6, 30), Money.ZERO, null));
            assertThat(appropriations.calls).isEmpty();
        }

        @Test
        void creditedMoneyMayBePaidAgainOnANewRequisition() {
            ReportedCosts more = costs(CostCategory.STAFF, "100000");
            fixture.given(paidInFull())
                    .andGiven(new RepaymentReceived(ID, "rec-1", sek("50000"), sameYear, "BG 1", sek("50000"), Money.ZERO),
                            submitted("r-2", more))
                    .when(new ApproveRequisition(ID, "r-2", PAID_ON.plusDays(25), List.of()), approver())
                    .expectEvents(new RequisitionApproved(ID, "r-2", PAID_ON.plusDays(25), more, sek("100000"),
                            List.of(), sek("50000"), APPROVER));
        }

        @Test
        void moneyGoneToTheStateIsNotPaidAgain() {
            ReportedCosts more = costs(CostCategory.STAFF, "100000");
            fixture.given(paidInFull())
                    .andGiven(new RepaymentReceived(ID, "rec-1", sek("50000"), nextYear, "BG 1", Money.ZERO, sek("50000")),
                            submitted("r-2", more))
                    .when(new ApproveRequisition(ID, "r-2", nextYear, List.of()), approver())
                    .expectEvents(new RequisitionApproved(ID, "r-2", nextYear, more, sek("100000"), List.of(),
                            Money.ZERO, APPROVER));
        }

        @Test
        void aCreditedRepaymentAfterClosureIsReleasedAtOnce() {
            fixture.given(paidInFull())
                    .andGiven(new ProjectClosed(ID, LocalDate.of(2025, 12, 1), Money.ZERO, null))
                    .when(new RegisterRepayment(ID, "rec-1", sek("50000"), LocalDate.of(2025, 12, 20), "BG 1"))
                    .expectSuccessfulHandlerExecution();
            assertThat(appropriations.calls)
                    .containsExactly("credit REGIONAL_1_1-2025 p-1 50 000 SEK 2025-12-20 and release");
        }
    }

    @Nested
    class ClosureAndWithdrawal {

        private final ReportedCosts reported = costs(CostCategory.STAFF, "1605500");

        @Test
        void closingReleasesWhatWasNotPaid() {
            fixture.given(registered(), decided(invastmanlandPlan()), submitted("r-1", reported),
                            approved("r-1", reported, "250000"), paid("pay-1", "r-1", "250000"))
                    .when(new CloseCase(ID, LocalDate.of(2028, 6, 30), "final report approved"), approver())
                    .expectEvents(new ProjectClosed(ID, LocalDate.of(2028, 6, 30), sek("2250000"), "final report approved"));
        }

        @Test
        void cannotCloseWithAnOpenRequisition() {
            fixture.given(registered(), decided(invastmanlandPlan()), submitted("r-1", reported))
                    .when(new CloseCase(ID, LocalDate.of(2028, 6, 30), null), approver())
                    .expectException(conflicts("open-requisition"))
                    .expectNoEvents();
        }

        @Test
        void cannotCloseWithAnApprovedRequisitionUnpaid() {
            fixture.given(registered(), decided(invastmanlandPlan()), submitted("r-1", reported),
                            approved("r-1", reported, "250000"), paid("pay-1", "r-1", "249999.99"))
                    .when(new CloseCase(ID, LocalDate.of(2028, 6, 30), null), approver())
                    .expectException(conflicts("approved-requisition-unpaid"))
                    .expectNoEvents();
        }

        @Test
        void nothingIsPaidAfterClosure() {
            fixture.given(registered(), decided(invastmanlandPlan()), submitted("r-1", reported),
                            approved("r-1", reported, "250000"), paid("pay-1", "r-1", "250000"),
                            new ProjectClosed(ID, LocalDate.of(2028, 6, 30), sek("2250000"), null))
                    .when(pay("pay-2", "r-1", "1"), caseOfficer())
                    .expectException(conflicts("case-closed"))
                    .expectNoEvents();
        }

        @Test
        void withdrawingReleasesWhatWasNotPaid() {
            fixture.given(registered(), decided(invastmanlandPlan()), advancePaid("400000"))
                    .when(new WithdrawDecision(ID, LocalDate.of(2026, 1, 1), "project owner went bankrupt"), approver())
                    .expectEvents(new GrantWithdrawn(ID, LocalDate.of(2026, 1, 1), "project owner went bankrupt", sek("2100000")));
        }

        @Test
        void nothingIsPaidAfterWithdrawal() {
            fixture.given(registered(), decided(invastmanlandPlan()),
                            new GrantWithdrawn(ID, LocalDate.of(2026, 1, 1), "x", sek("2500000")))
                    .when(advance("1000"), caseOfficer())
                    .expectException(conflicts("case-withdrawn"))
                    .expectNoEvents();
        }
    }

    @Nested
    class FourEyes {

        private final ReportedCosts reported = costs(CostCategory.STAFF, "1605500");

        private Object[] approvedRequisition() {
            return new Object[]{registered(), decided(invastmanlandPlan()), submitted("r-1", reported),
                    approved("r-1", reported, "250000")};
        }

        @Test
        void cannotDecideAGrantOneHasPrepared() {
            fixture.given(registered(), proposed(invastmanlandPlan()))
                    .when(new DecideGrant(ID, "RUN 2025/17", DECIDED_ON), as(CASE_OFFICER, "CASE_OFFICER", "APPROVER"))
                    .expectException(violates(Rule.DECIDER_IS_NOT_PREPARER))
                    .expectNoEvents();
        }

        @Test
        void decidingTakesTheApproverRole() {
            fixture.given(registered(), proposed(invastmanlandPlan()))
                    .when(new DecideGrant(ID, "RUN 2025/17", DECIDED_ON), as("david", "CASE_OFFICER"))
                    .expectException(NotAllowed.class)
                    .expectNoEvents();
        }

        @Test
        void aGrantIsDecidedOnlyAfterAProposal() {
            fixture.given(registered())
                    .when(new DecideGrant(ID, "RUN 2025/17", DECIDED_ON), approver())
                    .expectException(conflicts("no-grant-proposal"))
                    .expectNoEvents();
        }

        @Test
        void aCommandNamingNoUserIsRefused() {
            fixture.given(registered(), proposed(invastmanlandPlan()))
                    .when(new DecideGrant(ID, "RUN 2025/17", DECIDED_ON))
                    .expectException(NotAllowed.class)
                    .expectNoEvents();
        }

        @Test
        void anotherApproverAttestsAProposedPayment() {
            fixture.given(approvedRequisition())
                    .andGiven(paymentProposed("pay-1", "r-1", "250000"))
                    .when(new AttestPayment(ID, "pay-1"), otherApprover())
                    .expectEvents(paid("pay-1", "r-1", "250000"));
        }

        @Test
        void cannotAttestOnesOwnProposal() {
            fixture.given(approvedRequisition())
                    .andGiven(paymentProposed("pay-1", "r-1", "250000"))
                    .when(new AttestPayment(ID, "pay-1"), as(CASE_OFFICER, "CASE_OFFICER", "APPROVER"))
                    .expectException(violates(Rule.ATTESTER_IS_NOT_PROPOSER))
                    .expectNoEvents();
        }

        @Test
        void cannotAttestThePaymentOfARequisitionOneApproved() {
            fixture.given(approvedRequisition())
                    .andGiven(paymentProposed("pay-1", "r-1", "250000"))
                    .when(new AttestPayment(ID, "pay-1"), approver())
                    .expectException(violates(Rule.ATTESTER_DID_NOT_APPROVE_REQUISITION))
                    .expectNoEvents();
        }

        @Test
        void attestingTakesTheApproverRole() {
            fixture.given(approvedRequisition())
                    .andGiven(paymentProposed("pay-1", "r-1", "250000"))
                    .when(new AttestPayment(ID, "pay-1"), as("david", "CASE_OFFICER"))
                    .expectException(NotAllowed.class)
                    .expectNoEvents();
        }

        @Test
        void anAdvanceIsAttestedByAnyOtherApprover() {
            fixture.given(registered(), decided(invastmanlandPlan()), advanceProposed("400000"))
                    .when(new AttestPayment(ID, "adv-1"), approver())
                    .expectEvents(advancePaid("400000"));
        }

        @Test
        void aPaymentIsAttestedOnce() {
            fixture.given(approvedRequisition())
                    .andGiven(paymentProposed("pay-1", "r-1", "250000"), paid("pay-1", "r-1", "250000"))
                    .when(new AttestPayment(ID, "pay-1"), otherApprover())
                    .expectException(conflicts("payment-already-made"))
                    .expectNoEvents();
        }

        @Test
        void anUnknownPaymentCannotBeAttested() {
            fixture.given(approvedRequisition())
                    .when(new AttestPayment(ID, "nope"), otherApprover())
                    .expectException(UnknownEntity.class)
                    .expectNoEvents();
        }

        @Test
        void pendingProposalsCountAgainstWhatIsPayable() {
            fixture.given(approvedRequisition())
                    .andGiven(paymentProposed("pay-1", "r-1", "250000"))
                    .when(pay("pay-2", "r-1", "0.01"), caseOfficer())
                    .expectException(violates(Rule.PAYMENT_WITHIN_PAYABLE))
                    .expectNoEvents();
        }

        @Test
        void aProjectWithAPaymentAwaitingAttestationCannotBeClosed() {
            fixture.given(approvedRequisition())
                    .andGiven(paymentProposed("pay-1", "r-1", "250000"))
                    .when(new CloseCase(ID, LocalDate.of(2028, 6, 30), null), approver())
                    .expectException(conflicts("payment-awaiting-attestation"))
                    .expectNoEvents();
        }
    }

    @Nested
    class ExpectedVersions {

        private Map<String, Object> caseOfficerExpecting(long version) {
            return Map.of(Actor.USER, CASE_OFFICER, Actor.ROLES, List.of("CASE_OFFICER"),
                    ExpectedVersion.METADATA_KEY, version);
        }

        @Test
        void aCommandExpectingTheCurrentVersionIsHandled() {
            // registered (0) and decided (1): the project is at version 1
            fixture.given(registered(), decided(invastmanlandPlan()))
                    .when(advance("1000"), caseOfficerExpecting(1))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void aCommandExpectingAnOlderVersionIsRefused() {
            fixture.given(registered(), decided(invastmanlandPlan()))
                    .when(advance("1000"), caseOfficerExpecting(0))
                    .expectException(ExpectedVersion.StaleVersion.class)
                    .expectNoEvents();
        }
    }

    /** The project's side of the frame: which appropriation, how much, and in which order (ADR 8). */
    @Nested
    class AppropriationFrame {

        private final FinancingPlan plan = plan("1000000", "1000000");

        @Test
        void aDecisionReservesTheGrantInTheFrameOfItsDecisionYear() {
            fixture.given(registered(), proposed(plan))
                    .when(new DecideGrant(ID, "RUN 2025/17", DECIDED_ON), approver())
                    .expectSuccessfulHandlerExecution();
            assertThat(appropriations.calls).containsExactly("reserve REGIONAL_1_1-2025 p-1 1 000 000 SEK");
        }

        @Test
        void aDecisionTheFrameCannotHoldIsRefusedAndRecordsNothing() {
            appropriations.headroom = sek("999999.99");
            fixture.given(registered(), proposed(plan))
                    .when(new DecideGrant(ID, "RUN 2025/17", DECIDED_ON), approver())
                    .expectException(violates(Rule.COMMITMENTS_WITHIN_FRAME))
                    .expectNoEvents();
        }

        @Test
        void anAmendmentRaisingTheGrantReservesTheDifferenceInItsOwnYear() {
            fixture.given(registered(), decided(plan))
                    .when(new AmendGrant(ID, "RUN 2026/3", LocalDate.of(2026, 1, 10), plan("1200000", "1200000"), null,
                            "wider scope"), approver())
                    .expectSuccessfulHandlerExecution();
            assertThat(appropriations.calls).containsExactly("reserve REGIONAL_1_1-2026 p-1 200 000 SEK");
        }

        @Test
        void anAmendmentLoweringTheGrantReleasesFromTheNewestReservationFirst() {
            GrantAmended raised = new GrantAmended(ID, "RUN 2026/3", LocalDate.of(2026, 1, 10), plan("1200000", "1200000"),
                    PERIOD, sek("1200000"), sek("1000000"), sek("2400000"), "wider scope");
            fixture.given(registered(), decided(plan), raised)
                    .when(new AmendGrant(ID, "RUN 2026/9", LocalDate.of(2026, 6, 1), plan("900000", "900000"), null,
                            "smaller scope"), approver())
                    .expectSuccessfulHandlerExecution();
            assertThat(appropriations.calls).containsExactly(
                    "release REGIONAL_1_1-2026 p-1 200 000 SEK AMENDMENT 2026-06-01",
                    "release REGIONAL_1_1-2025 p-1 100 000 SEK AMENDMENT 2026-06-01");
        }

        @Test
        void anAttestedPaymentDrawsOnTheReservationAndClosureReleasesTheRest() {
            fixture.given(registered(), decided(plan), submitted("r-1", costs(CostCategory.STAFF, "600000")),
                            approved("r-1", costs(CostCategory.STAFF, "600000"), "300000"),
                            paymentProposed("pay-1", "r-1", "300000"), paid("pay-1", "r-1", "300000"))
                    .when(new CloseCase(ID, LocalDate.of(2028, 6, 30), "final report approved"), approver())
                    .expectSuccessfulHandlerExecution();
            assertThat(appropriations.calls).containsExactly("release REGIONAL_1_1-2025 p-1 700 000 SEK CLOSURE 2028-06-30");
        }

        @Test
        void attestationDrawsWhatIsPaid() {
            fixture.given(registered(), decided(plan), submitted("r-1", costs(CostCategory.STAFF, "600000")),
                            approved("r-1", costs(CostCategory.STAFF, "600000"), "300000"),
                            paymentProposed("pay-1", "r-1", "300000"))
                    .when(new AttestPayment(ID, "pay-1"), otherApprover())
                    .expectSuccessfulHandlerExecution();
            assertThat(appropriations.calls).containsExactly("draw REGIONAL_1_1-2025 p-1 300 000 SEK");
        }

        @Test
        void withdrawalReleasesEverythingUnpaid() {
            fixture.given(registered(), decided(plan))
                    .when(new WithdrawDecision(ID, LocalDate.of(2025, 5, 1), "the owner withdrew"), approver())
                    .expectSuccessfulHandlerExecution();
            assertThat(appropriations.calls).containsExactly("release REGIONAL_1_1-2025 p-1 1 000 000 SEK WITHDRAWAL 2025-05-01");
        }
    }
}
