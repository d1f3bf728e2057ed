package se.region.grantledger.projections.reports;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import se.region.grantledger.projections.ReadTime;
import se.region.grantledger.projections.ProjectionDatabase;
import se.region.grantledger.projections.reports.Reports.BusinessSupport;
import se.region.grantledger.projections.reports.Reports.BusinessSupportLine;
import se.region.grantledger.projections.reports.Reports.CheckLine;
import se.region.grantledger.projections.reports.Reports.DisbursementLine;
import se.region.grantledger.projections.reports.Reports.Disbursements;
import se.region.grantledger.projections.reports.Reports.GoalAreaLine;
import se.region.grantledger.projections.reports.Reports.Leverage;
import se.region.grantledger.projections.reports.Reports.TillvaxtverketChecks;

import java.io.IOException;
import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The golden test: fed decisions and payments consistent with seed 002, the reports show every 2019 figure of
 * DOMAIN.md ("What the reports must show") exactly as the region reported it, on real PostgreSQL.
 */
class Annual2019GoldenTest {

    private static ProjectionDatabase database;
    private static ReportQueries reports;

    @BeforeAll
    static void feed() {
        database = new ProjectionDatabase();
        reports = Annual2019Fixture.reportsOf(database);
    }

    @AfterAll
    static void close() throws IOException {
        database.close();
    }

    @Test
    void disbursedFromOneToOneIn2019() {
        Disbursements paid = reports.disbursements(2019, ReadTime.NOW);
        assertThat(paid.regional11Net().msek()).as("from the 1:1 appropriation").isEqualByComparingTo("31.6");
        assertThat(paid.totalNet().msek()).as("with Tillväxtverket's checks").isEqualByComparingTo("34.6");
        DisbursementLine projects = line(paid, "PROJECT");
        assertThat(projects.net().msek()).isEqualByComparingTo("25.0");
        assertThat(projects.sharePercent()).isEqualTo(79);
        assertThat(projects.recipients()).isEqualTo(43);
        assertThat(projects.repaid().sek()).isEqualByComparingTo("50000");
        assertThat(projects.paid().sek()).isEqualByComparingTo("25000000");
        DisbursementLine businessSupport = line(paid, "BUSINESS_SUPPORT");
        assertThat(businessSupport.net().msek()).isEqualByComparingTo("6.5");
        assertThat(businessSupport.sharePercent()).isEqualTo(21);
        assertThat(businessSupport.recipients()).isEqualTo(46);
        DisbursementLine homeDelivery = line(paid, "COMMERCIAL_SERVICE");
        assertThat(homeDelivery.net().sek()).isEqualByComparingTo("180563");
        assertThat(homeDelivery.recipients()).isEqualTo(3);
    }

    @Test
    void leverageOfProjectsDecidedIn2019() {
        Leverage leverage = reports.leverage(2019, ReadTime.NOW);
        assertThat(leverage.regional11().msek()).isEqualByComparingTo("31.5");
        assertThat(leverage.totalBudget().msek()).isEqualByComparingTo("151.6");
        assertThat(leverage.others().msek()).isEqualByComparingTo("120.0");
        assertThat(leverage.tillvaxtverket().msek()).isEqualByComparingTo("45.8");
        assertThat(leverage.tillvaxtverketEu().msek()).isEqualByComparingTo("32.7");
        assertThat(leverage.tillvaxtverketNational().msek()).isEqualByComparingTo("13.1");
        assertThat(leverage.vinnova().msek()).isEqualByComparingTo("28.0");
        assertThat(leverage.rest().msek()).isEqualByComparingTo("46.2");
        assertThat(leverage.othersPerRegionalKrona()).isEqualByComparingTo(new BigDecimal("3.8"));
        assertThat(leverage.inKind().sek()).isEqualByComparingTo("26240000");
    }

    @Test
    void businessSupportDecidedIn2019() {
        BusinessSupport decided = reports.businessSupport(2019, ReadTime.NOW);
        assertThat(decided.decisions()).isEqualTo(18);
        assertThat(decided.amount().msek()).isEqualByComparingTo("3.4");
        assertThat(decided.smallerMunicipalitiesNumberPercent()).isEqualTo(33);
        assertThat(decided.smallerMunicipalitiesAmountPercent()).isEqualTo(45);
        assertThat(reports.businessSupport(2018, ReadTime.NOW).decisions()).isEqualTo(46);
        assertThat(decided.byType()).filteredOn(line -> line.fund().equals("TILLVAXTVERKET"))
                .extracting(BusinessSupportLine::supportType, BusinessSupportLine::decisions)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("DIGITALISATION_CHECK", 6),
                        org.assertj.core.groups.Tuple.tuple("INTERNATIONALISATION_CHECK", 13));
    }

    /**
     * Seed 002: "Utöver företagsstöd från 1:1 medel har 3 miljoner kronor utbetalats till 19 företag från
     * Tillväxtverkets affärsutvecklingscheckar … Internationalisering (13 st) samt digitalisering (6 st)".
     */
    @Test
    void tillvaxtverketsChecksPaidIn2019AreReportedApart() {
        TillvaxtverketChecks checks = reports.businessSupport(2019, ReadTime.NOW).tillvaxtverketChecks();
        assertThat(checks.companies()).isEqualTo(19);
        assertThat(checks.paid().msek()).isEqualByComparingTo("3.0");
        assertThat(checks.byType()).extracting(CheckLine::checkType, CheckLine::companies)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("DIGITALISATION_CHECK", 6),
                        org.assertj.core.groups.Tuple.tuple("INTERNATIONALISATION_CHECK", 13));
        assertThat(reports.businessSupport(2018, ReadTime.NOW).tillvaxtverketChecks().companies()).isZero();
    }

    @Test
    void goalAreasOfNew2019ProjectMoney() {
        assertThat(reports.goalAreas(2019, ReadTime.NOW).lines()).extracting(GoalAreaLine::goalArea, GoalAreaLine::sharePercent)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Annual2019Fixture.STRENGTH_AREAS, 45),
                        org.assertj.core.groups.Tuple.tuple(Annual2019Fixture.GROWTH_COMPANIES, 43),
                        org.assertj.core.groups.Tuple.tuple(Annual2019Fixture.SKILLS, 12));
    }

    @Test
    void feedingTheSameEventsAgainChangesNoFigure() {
        Disbursements before = reports.disbursements(2019, ReadTime.NOW);
        Leverage leverageBefore = reports.leverage(2019, ReadTime.NOW);
        new Annual2019Fixture(new ReportProjection(database.sql)).feed();
        assertThat(reports.disbursements(2019, ReadTime.NOW)).isEqualTo(before);
        assertThat(reports.leverage(2019, ReadTime.NOW)).isEqualTo(leverageBefore);
    }

    private static DisbursementLine line(Disbursements paid, String supportType) {
        return paid.lines().stream().filter(line -> line.fund().equals("REGIONAL_1_1")
                && line.supportType().equals(supportType)).findFirst().orElseThrow();
    }
}
