package se.region.grantledger.projections.reports;

import se.region.grantledger.core.api.project.GrantDecided;
import se.region.grantledger.core.api.project.PaymentMade;
import se.region.grantledger.core.api.project.ProjectRegistered;
import se.region.grantledger.core.api.project.RecoveryDecided;
import se.region.grantledger.core.api.project.RepaymentReceived;
import se.region.grantledger.core.api.support.BusinessSupportDecided;
import se.region.grantledger.core.api.support.BusinessSupportRegistered;
import se.region.grantledger.core.api.support.CommercialServiceGrantDecided;
import se.region.grantledger.core.api.support.CommercialServiceGrantRegistered;
import se.region.grantledger.core.api.support.SupportPaymentMade;
import se.region.grantledger.core.model.BusinessSupportType;
import se.region.grantledger.core.model.CommercialServiceType;
import se.region.grantledger.core.model.Company;
import se.region.grantledger.core.model.Euro;
import se.region.grantledger.core.model.FinancingLine;
import se.region.grantledger.core.model.FinancingPlan;
import se.region.grantledger.core.model.Fund;
import se.region.grantledger.core.model.FunderCategory;
import se.region.grantledger.core.model.FundingForm;
import se.region.grantledger.core.model.Money;
import se.region.grantledger.core.model.Municipality;
import se.region.grantledger.core.model.Organisation;
import se.region.grantledger.core.model.OrganisationNumber;
import se.region.grantledger.core.model.PaymentType;
import se.region.grantledger.core.model.Period;
import se.region.grantledger.core.model.ProjectKind;
import se.region.grantledger.core.model.ServiceRecipientKind;
import se.region.grantledger.core.model.SupportType;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Decisions and payments consistent with seed 002 ("Fördelning av anslag 1:1", 2019), fed to the report projection
 * as the events the aggregates would have stored. The amounts are chosen so that every figure DOMAIN.md lists
 * comes out as the region reported it once rounded (MSEK with one decimal, whole percent):
 * <ul>
 *   <li>paid in 2019: 24 950 000 kr to 43 projects (a 50 000 kr repayment netted), 6 500 000 kr to 46 companies,
 *       SEK 180 563 in three home-delivery grants: 31 630 563 kr, so 31.6 / 25.0 (79 %) / 6.5 (21 %);</li>
 *   <li>12 projects decided in 2019: 1:1 31 540 000, ERUF 32 700 000, Tillväxtverket national 13 100 000, Vinnova
 *       28 000 000 and 46 240 000 from municipalities, another region, private and other public funders:
 *       31.5 / 151.6 / 120.0 MSEK, EU 32.7 + national 13.1 = 45.8, Vinnova 28.0, the rest 46.2, 3.8 per krona;</li>
 *   <li>goal areas of the 2019 1:1 money: 45 % strength areas, 43 % growth companies, 12 % skills supply;</li>
 *   <li>18 business supports decided in 2019 for 3 400 000 kr, 6 of them (33 %) for 1 530 000 kr (45 %) outside
 *       Västerås;</li>
 *   <li>beside them, Tillväxtverket's checks passed on by the region: 19 decided and paid in 2019, 13 for
 *       internationalisation and 6 for digitalisation, 3 000 000 kr in all, reported apart from the 1:1 money.</li>
 * </ul>
 * Decisions and payments of 2018 and 2020 are there too, and must not count in 2019.
 */
public final class Annual2019Fixture {

    public static final String STRENGTH_AREAS = "Styrkeområden";
    public static final String GROWTH_COMPANIES = "Tillväxtföretag";
    public static final String SKILLS = "Kompetensförsörjning";
    /** When these books were recorded: entered after the year, as a region's 2019 books would be. */
    public static final Instant RECORDED = Instant.parse("2020-01-20T09:00:00Z");

    private final List<Object> events = new ArrayList<>();
    private final List<Runnable> feeding = new ArrayList<>();
    private final ReportProjection projection;
    private int organisationSerial;

    public Annual2019Fixture(ReportProjection projection) {
        this.projection = projection;
    }

    /** The 2019 books fed into a database's report tables, and the queries that read them. */
    public static ReportQueries reportsOf(se.region.grantledger.projections.ProjectionDatabase database) {
        new Annual2019Fixture(new ReportProjection(database.sql)).feed();
        return new ReportQueries(database.sql);
    }

    /** Feeds every event, in order, with per-stream sequence numbers as the event store would give them. */
    public void feed() {
        write();
        feeding.forEach(Runnable::run);
    }

    /**
     * The books as the events the aggregates store, in order: what the ledger's commands must record for these
     * figures (ledger-api's import test brings them in as a workbook). Every fact obeys the funding rules: nothing
     * is paid before its decision, a repayment follows its recovery, a commercial-service grant is decided.
     */
    public static List<Object> events() {
        Annual2019Fixture books = new Annual2019Fixture(null);
        books.write();
        return List.copyOf(books.events);
    }

    private void write() {
        projectsDecidedIn2019();
        projectPaymentsIn2019();
        businessSupportDecidedIn2019();
        businessSupportPaidIn2019();
        tillvaxtverketChecksIn2019();
        homeDeliveryIn2019();
    }

    private <E> void add(E event, Consumer<E> feed) {
        events.add(event);
        feeding.add(() -> feed.accept(event));
    }

    // --- projects --------------------------------------------------------------------------------------------

    private void projectsDecidedIn2019() {
        long[] regional = {2_838_600_00L, 2_838_600_00L, 2_838_600_00L, 2_838_600_00L, 2_838_600_00L,
                2_712_440_00L, 2_712_440_00L, 2_712_440_00L, 2_712_440_00L, 2_712_440_00L,
                1_892_400_00L, 1_892_400_00L};
        String[] goal = {STRENGTH_AREAS, STRENGTH_AREAS, STRENGTH_AREAS, STRENGTH_AREAS, STRENGTH_AREAS,
                GROWTH_COMPANIES, GROWTH_COMPANIES, GROWTH_COMPANIES, GROWTH_COMPANIES, GROWTH_COMPANIES, SKILLS, SKILLS};
        for (int i = 0; i < regional.length; i++) {
            String id = "p2019-" + i;
            register(id, goal[i]);
            FinancingPlan plan = new FinancingPlan(List.of(
                    line("Region Västmanland 1:1", FunderCategory.REGIONAL_1_1, FundingForm.CASH, regional[i]),
                    line("ERUF", FunderCategory.ERUF, FundingForm.CASH, share(32_700_000_00L, i, 12)),
                    line("Tillväxtverket", FunderCategory.TILLVAXTVERKET_NATIONAL, FundingForm.CASH, share(13_100_000_00L, i, 12)),
                    line("Vinnova", FunderCategory.VINNOVA, FundingForm.CASH, share(28_000_000_00L, i, 12)),
                    line("Kommunerna", FunderCategory.MUNICIPALITY, FundingForm.IN_KIND, share(20_000_000_00L, i, 12)),
                    line("Region Sörmland", FunderCategory.OTHER_REGION, FundingForm.IN_KIND, share(6_240_000_00L, i, 12)),
                    line("Företagen", FunderCategory.PRIVATE, FundingForm.CASH, share(10_000_000_00L, i, 12)),
                    line("Mälardalens universitet", FunderCategory.OTHER_PUBLIC, FundingForm.CASH, share(10_000_000_00L, i, 12))));
            decide(id, LocalDate.of(2019, 1 + i % 12, 15), plan);
        }
        // decided the year before and the year after: not 2019's leverage
        register("p2018-x", GROWTH_COMPANIES);
        decide("p2018-x", LocalDate.of(2018, 12, 20), simplePlan(5_000_000_00L));
        register("p2020-x", STRENGTH_AREAS);
        decide("p2020-x", LocalDate.of(2020, 1, 8), simplePlan(7_000_000_00L));
    }

    /**
     * 43 projects paid 24 950 000 kr net in 2019: the twelve new ones and 31 older ones. One was paid 50 000 kr too
     * much, recovered and repaid within the year: paid 25 000 000, repaid 50 000.
     */
    private void projectPaymentsIn2019() {
        List<String> paid = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            paid.add("p2019-" + i);
        }
        for (int i = 0; i < 31; i++) {
            String id = "p-older-" + i;
            register(id, GROWTH_COMPANIES);
            decide(id, LocalDate.of(2017, 6, 1), simplePlan(2_000_000_00L));
            paid.add(id);
        }
        for (int i = 0; i < paid.size(); i++) {
            long amount = share(24_950_000_00L, i, paid.size()) + (i == 0 ? 50_000_00L : 0);
            // the twelve new projects are paid in December, after the last of them was decided
            LocalDate paidOn = i < 12 ? LocalDate.of(2019, 12, 16 + i) : LocalDate.of(2019, 3 + i % 9, 10);
            pay(paid.get(i), "pay-" + i, paidOn, amount);
        }
        String overpaid = paid.get(0);
        add(new RecoveryDecided(overpaid, "rec-1", LocalDate.of(2019, 12, 28), Money.ofOre(50_000_00L),
                "paid 50 000 kr more than the costs allowed"), event -> { });
        add(new RepaymentReceived(overpaid, "rec-1", Money.ofOre(50_000_00L), LocalDate.of(2019, 12, 30),
                "BG 5050-1055", Money.ofOre(50_000_00L), Money.ZERO), event -> projection.on(event, 11, RECORDED));
        pay(paid.get(12), "pay-2018", LocalDate.of(2018, 12, 28), 1_000_000_00L);
        pay(paid.get(2), "pay-2020", LocalDate.of(2020, 1, 3), 1_000_000_00L);
    }

    private void register(String id, String goalArea) {
        add(new ProjectRegistered(id, "RV" + id, null, "Projekt " + id,
                new Organisation("Projektägare " + id, nextOrganisationNumber()),
                List.of(Municipality.VASTERAS, Municipality.SALA, Municipality.KOPING), ProjectKind.PROJECT, goalArea,
                new Period(LocalDate.of(2017, 1, 1), LocalDate.of(2022, 12, 31))), event -> projection.on(event));
    }

    private void decide(String id, LocalDate date, FinancingPlan plan) {
        add(new GrantDecided(id, "RUN " + id, date, plan, plan.regional11(), plan.total(), List.of(), "handläggare",
                "beslutsfattare"), event -> projection.on(event, 2, RECORDED));
    }

    private void pay(String id, String paymentId, LocalDate date, long ore) {
        add(new PaymentMade(id, paymentId, PaymentType.REQUISITION, "r-1", Money.ofOre(ore), Fund.REGIONAL_1_1, date,
                "UB", null, "handläggare", "attestant"), event -> projection.on(event, RECORDED));
    }

    private static FinancingPlan simplePlan(long regionalOre) {
        return new FinancingPlan(List.of(line("Region 1:1", FunderCategory.REGIONAL_1_1, FundingForm.CASH, regionalOre),
                line("ERUF", FunderCategory.ERUF, FundingForm.CASH, regionalOre)));
    }

    // --- business support --------------------------------------------------------------------------------------

    /** 6 in the smaller municipalities (255 000 kr each), 12 in Västerås (1 870 000 kr together). */
    private void businessSupportDecidedIn2019() {
        Municipality[] smaller = {Municipality.SALA, Municipality.KOPING, Municipality.FAGERSTA, Municipality.ARBOGA,
                Municipality.NORBERG, Municipality.KUNGSOR};
        for (int i = 0; i < 6; i++) {
            BusinessSupportType type = i < 3 ? BusinessSupportType.INVESTMENT_GRANT : BusinessSupportType.CONSULTANCY_CHECK;
            decideSupport("bs2019-s" + i, smaller[i], type, i % 2 == 0, i == 1, LocalDate.of(2019, 2 + i, 5), 255_000_00L);
        }
        for (int i = 0; i < 12; i++) {
            BusinessSupportType type = i % 2 == 0 ? BusinessSupportType.CONSULTANCY_CHECK : BusinessSupportType.INNOVATION_SUPPORT;
            decideSupport("bs2019-v" + i, Municipality.VASTERAS, type, i < 4, i < 3, LocalDate.of(2019, 1 + i, 20),
                    share(1_870_000_00L, i, 12));
        }
    }

    /** 46 companies, decided in 2018, paid 6 500 000 kr in 2019. */
    private void businessSupportPaidIn2019() {
        for (int i = 0; i < 46; i++) {
            String id = "bs2018-" + i;
            long amount = share(6_500_000_00L, i, 46);
            decideSupport(id, i % 3 == 0 ? Municipality.VASTERAS : Municipality.HALLSTAHAMMAR,
                    BusinessSupportType.CONSULTANCY_CHECK, false, false, LocalDate.of(2018, 1 + i % 12, 10), amount);
            LocalDate paidOn = LocalDate.of(2019, 1 + i % 12, 15);
            add(new SupportPaymentMade(id, SupportType.BUSINESS_SUPPORT, "pay-1", Money.ofOre(amount),
                    Fund.REGIONAL_1_1, paidOn, "UB", "handläggare", "attestant"), event -> projection.on(event, RECORDED));
        }
    }

    /** 13 internationalisation and 6 digitalisation checks, decided and paid in 2019: 3 000 000 kr. */
    private void tillvaxtverketChecksIn2019() {
        for (int i = 0; i < 19; i++) {
            String id = "check2019-" + i;
            long amount = share(3_000_000_00L, i, 19);
            BusinessSupportType type = i < 13 ? BusinessSupportType.INTERNATIONALISATION_CHECK
                    : BusinessSupportType.DIGITALISATION_CHECK;
            decideSupport(id, i % 2 == 0 ? Municipality.VASTERAS : Municipality.SALA, type, i % 3 == 0, false,
                    LocalDate.of(2019, 1 + i % 10, 3), amount, Fund.TILLVAXTVERKET);
            LocalDate paidOn = LocalDate.of(2019, 2 + i % 10, 20);
            add(new SupportPaymentMade(id, SupportType.BUSINESS_SUPPORT, "pay-1", Money.ofOre(amount),
                    Fund.TILLVAXTVERKET, paidOn, "UB", "handläggare", "attestant"), event -> projection.on(event, RECORDED));
        }
    }

    private void decideSupport(String id, Municipality municipality, BusinessSupportType type, boolean ledByWoman,
                               boolean ledByPersonBornAbroad, LocalDate date, long ore) {
        decideSupport(id, municipality, type, ledByWoman, ledByPersonBornAbroad, date, ore, Fund.REGIONAL_1_1);
    }

    private void decideSupport(String id, Municipality municipality, BusinessSupportType type, boolean ledByWoman,
                               boolean ledByPersonBornAbroad, LocalDate date, long ore, Fund fund) {
        Company company = new Company(nextOrganisationNumber(), "Företag " + id, municipality, ledByWoman,
                ledByPersonBornAbroad);
        add(new BusinessSupportRegistered(id, "RV" + id, company, type, fund, "syfte", "handläggare"), event -> projection.on(event));
        add(new BusinessSupportDecided(id, "RUN " + id, date, Money.ofOre(ore), fund, "U-" + id,
                new BigDecimal("10.5"), Euro.ZERO, "handläggare", "beslutsfattare"),
                event -> projection.on(event, RECORDED));
    }

    // --- commercial service ------------------------------------------------------------------------------------

    private void homeDeliveryIn2019() {
        String[][] grants = {{"Norbergs kommun", "6018775"}, {"Skinnskattebergs kommun", "5500000"},
                {"Surahammars kommun", "6537525"}};
        Municipality[] where = {Municipality.NORBERG, Municipality.SKINNSKATTEBERG, Municipality.SURAHAMMAR};
        for (int i = 0; i < grants.length; i++) {
            String id = "cs2019-" + i;
            long ore = Long.parseLong(grants[i][1]);
            Organisation municipality = new Organisation(grants[i][0], nextOrganisationNumber());
            add(new CommercialServiceGrantRegistered(id, "RV" + id, municipality, ServiceRecipientKind.MUNICIPALITY,
                    where[i], CommercialServiceType.HOME_DELIVERY, 2018, Money.ofOre(ore * 2), "handläggare"),
                    event -> projection.on(event));
            add(new CommercialServiceGrantDecided(id, "RUN " + id, LocalDate.of(2019, 2, 1), Money.ofOre(ore),
                    Money.ofOre(ore * 2), 50, "handläggare", "beslutsfattare"), event -> { });
            add(new SupportPaymentMade(id, SupportType.COMMERCIAL_SERVICE, "pay-1", Money.ofOre(ore),
                    Fund.REGIONAL_1_1, LocalDate.of(2019, 3, 1), "UB", "handläggare", "attestant"),
                    event -> projection.on(event, RECORDED));
        }
    }

    // --- helpers -------------------------------------------------------------------------------------------------

    /** The i-th of n even shares of a total in öre; the last takes the remainder, so the shares add up exactly. */
    static long share(long total, int i, int n) {
        long each = total / n;
        return i == n - 1 ? total - each * (n - 1) : each;
    }

    private static FinancingLine line(String funder, FunderCategory category, FundingForm form, long ore) {
        return new FinancingLine(funder, category, form, Money.ofOre(ore));
    }

    /** Valid organisation numbers (Luhn), one per organisation: 55 + a serial + the check digit. */
    private OrganisationNumber nextOrganisationNumber() {
        String nine = "55" + String.format("%07d", ++organisationSerial);
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            int digit = (nine.charAt(i) - '0') * (i % 2 == 0 ? 2 : 1);
            sum += digit > 9 ? digit - 9 : digit;
        }
        return OrganisationNumber.of(nine + (10 - sum % 10) % 10);
    }
}
