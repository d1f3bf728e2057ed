package se.region.grantledger.core.model;

import org.junit.jupiter.api.Test;
import se.region.grantledger.core.rules.InvalidValue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ValueObjectsTest {

    @Test
    void anOrganisationNumberHasTenDigitsAndAValidCheckDigit() {
        assertThat(OrganisationNumber.of("232100-0172")).hasToString("232100-0172");
        assertThat(OrganisationNumber.of("2321000172")).isEqualTo(OrganisationNumber.of("232100-0172"));
        assertThatThrownBy(() -> OrganisationNumber.of("232100-0173")).isInstanceOf(InvalidValue.class)
                .hasMessageContaining("check digit");
        assertThatThrownBy(() -> OrganisationNumber.of("23210-0172")).isInstanceOf(InvalidValue.class);
        assertThatThrownBy(() -> OrganisationNumber.of("abcdef-ghij")).isInstanceOf(InvalidValue.class);
    }

    @Test
    void municipalitiesAreTheTenOfTheCountyByScbCode() {
        assertThat(Municipality.values()).hasSize(10);
        assertThat(Municipality.ofScbCode("1980")).isEqualTo(Municipality.VASTERAS);
        assertThat(Municipality.VASTERAS.isSmaller()).isFalse();
        assertThat(Municipality.ofScbCode("1904").isSmaller()).isTrue();
        assertThatThrownBy(() -> Municipality.ofScbCode("0180")).isInstanceOf(InvalidValue.class);
    }

    @Test
    void aPeriodIncludesBothEnds() {
        Period project = new Period(LocalDate.of(2025, 4, 1), LocalDate.of(2028, 3, 31));
        assertThat(project.contains(project)).isTrue();
        assertThat(project.contains(new Period(LocalDate.of(2025, 4, 1), LocalDate.of(2028, 4, 1)))).isFalse();
        assertThatThrownBy(() -> new Period(LocalDate.of(2025, 4, 2), LocalDate.of(2025, 4, 1)))
                .isInstanceOf(InvalidValue.class);
    }

    @Test
    void aPlanSumsByCategoryAndForm() {
        FinancingPlan plan = new FinancingPlan(List.of(
                new FinancingLine("Region", FunderCategory.REGIONAL_1_1, FundingForm.CASH, Money.ofSek("100")),
                new FinancingLine("Kommun A", FunderCategory.MUNICIPALITY, FundingForm.IN_KIND, Money.ofSek("30")),
                new FinancingLine("Kommun B", FunderCategory.MUNICIPALITY, FundingForm.IN_KIND, Money.ofSek("20"))));
        assertThat(plan.total()).isEqualTo(Money.ofSek("150"));
        assertThat(plan.regional11()).isEqualTo(Money.ofSek("100"));
        assertThat(plan.ofForm(FundingForm.IN_KIND)).isEqualTo(Money.ofSek("50"));
        assertThat(plan.byCategory()).containsEntry(FunderCategory.MUNICIPALITY, Money.ofSek("50"));
        assertThatThrownBy(() -> new FinancingPlan(List.of())).isInstanceOf(InvalidValue.class);
    }

    @Test
    void reportedCostsDropZeroCategories() {
        ReportedCosts costs = new ReportedCosts(Map.of(CostCategory.STAFF, Money.ofSek("10"), CostCategory.TRAVEL, Money.ZERO));
        assertThat(costs.byCategory()).containsOnlyKeys(CostCategory.STAFF);
        assertThat(costs.total()).isEqualTo(Money.ofSek("10"));
    }
}
