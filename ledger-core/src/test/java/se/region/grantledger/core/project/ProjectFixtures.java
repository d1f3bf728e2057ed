package se.region.grantledger.core.project;

import se.region.grantledger.core.api.project.GrantDecided;
import se.region.grantledger.core.api.project.GrantDecisionProposed;
import se.region.grantledger.core.api.project.ProjectRegistered;
import se.region.grantledger.core.api.project.RequisitionApproved;
import se.region.grantledger.core.api.project.RequisitionSubmitted;
import se.region.grantledger.core.model.CostCategory;
import se.region.grantledger.core.model.FinancingLine;
import se.region.grantledger.core.model.FinancingPlan;
import se.region.grantledger.core.model.FunderCategory;
import se.region.grantledger.core.model.FundingForm;
import se.region.grantledger.core.model.Money;
import se.region.grantledger.core.model.Municipality;
import se.region.grantledger.core.model.Organisation;
import se.region.grantledger.core.model.OrganisationNumber;
import se.region.grantledger.core.model.Period;
import se.region.grantledger.core.model.ProjectKind;
import se.region.grantledger.core.model.ReportedCosts;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static se.region.grantledger.core.CommandFixtures.APPROVER;
import static se.region.grantledger.core.CommandFixtures.CASE_OFFICER;

/** Events and values shared by the Project aggregate tests; figures follow the Invästmanland decision (seed 003). */
final class ProjectFixtures {

    static final String ID = "p-1";
    static final String DIARY = "RV190046";
    static final Period PERIOD = new Period(LocalDate.of(2025, 4, 1), LocalDate.of(2028, 3, 31));
    static final LocalDate DECIDED_ON = LocalDate.of(2025, 3, 20);
    static final Organisation OWNER = new Organisation("Region Västmanland", OrganisationNumber.of("232100-0172"));

    static Money sek(String kronor) {
        return Money.ofSek(kronor);
    }

    static FinancingLine line(String funder, FunderCategory category, FundingForm form, String kronor) {
        return new FinancingLine(funder, category, form, sek(kronor));
    }

    /** 2.5 MSEK 1:1 + 6.4 ERUF cash, 6.4 municipal + 0.51 regional + 0.245 Sörmland time: 16 055 000 in all. */
    static FinancingPlan invastmanlandPlan() {
        return new FinancingPlan(List.of(
                line("Region Västmanland 1:1", FunderCategory.REGIONAL_1_1, FundingForm.CASH, "2500000"),
                line("ERUF via Tillväxtverket", FunderCategory.ERUF, FundingForm.CASH, "6400000"),
                line("Kommunerna i Västmanland", FunderCategory.MUNICIPALITY, FundingForm.IN_KIND, "6400000"),
                line("Region Västmanland, tid", FunderCategory.REGIONAL_OWN, FundingForm.IN_KIND, "510000"),
                line("Region Sörmland, tid", FunderCategory.OTHER_REGION, FundingForm.IN_KIND, "245000")));
    }

    /** A plan of exactly {@code regional} 1:1 and {@code others} cash from ERUF. */
    static FinancingPlan plan(String regional, String others) {
        return new FinancingPlan(List.of(
                line("Region 1:1", FunderCategory.REGIONAL_1_1, FundingForm.CASH, regional),
                line("ERUF", FunderCategory.ERUF, FundingForm.CASH, others)));
    }

    static ProjectRegistered registered(ProjectKind kind, Municipality... municipalities) {
        return new ProjectRegistered(ID, DIARY, "20201234", "Invästmanland", OWNER, List.of(municipalities), kind,
                "Attraktionskraft", PERIOD);
    }

    static ProjectRegistered registered() {
        return registered(ProjectKind.PROJECT, Municipality.VASTERAS, Municipality.SALA, Municipality.KOPING);
    }

    static GrantDecisionProposed proposed(FinancingPlan plan) {
        return new GrantDecisionProposed(ID, plan, plan.regional11(), plan.total(), List.of(), CASE_OFFICER);
    }

    static GrantDecided decided(FinancingPlan plan) {
        return new GrantDecided(ID, "RUN 2025/17", DECIDED_ON, plan, plan.regional11(), plan.total(), List.of(),
                CASE_OFFICER, APPROVER);
    }

    static ReportedCosts costs(CostCategory category, String kronor) {
        return new ReportedCosts(Map.of(category, sek(kronor)));
    }

    static RequisitionSubmitted submitted(String requisitionId, ReportedCosts costs) {
        return new RequisitionSubmitted(ID, requisitionId, new Period(LocalDate.of(2025, 4, 1), LocalDate.of(2025, 9, 30)),
                costs, costs.total(), Map.of(), LocalDate.of(2025, 10, 15));
    }

    static RequisitionApproved approved(String requisitionId, ReportedCosts costs, String payable) {
        return new RequisitionApproved(ID, requisitionId, LocalDate.of(2025, 11, 1), costs, costs.total(), List.of(),
                sek(payable), APPROVER);
    }

    /** Holds claimed diary numbers in memory, as the PostgreSQL table does in the service. */
    static final class InMemoryDiaryNumbers implements DiaryNumberRegistry {
        final Map<String, String> claimed = new ConcurrentHashMap<>();

        @Override
        public boolean claim(String diaryNumber, String projectId) {
            return claimed.putIfAbsent(diaryNumber, projectId) == null;
        }
    }

    private ProjectFixtures() {
    }
}
