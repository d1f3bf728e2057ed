package se.region.grantledger.core.support;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.region.grantledger.core.InMemoryLimits;
import se.region.grantledger.core.api.cases.AttestPayment;
import se.region.grantledger.core.api.cases.ProposePayment;
import se.region.grantledger.core.api.limits.AllocateAppropriation;
import se.region.grantledger.core.api.limits.AppropriationDrawn;
import se.region.grantledger.core.api.support.CommercialServiceGrantDecided;
import se.region.grantledger.core.api.support.CommercialServiceGrantRegistered;
import se.region.grantledger.core.api.support.DecideCommercialServiceGrant;
import se.region.grantledger.core.api.support.RegisterCommercialServiceGrant;
import se.region.grantledger.core.api.support.SupportPaymentMade;
import se.region.grantledger.core.model.CommercialServiceType;
import se.region.grantledger.core.model.Fund;
import se.region.grantledger.core.model.Money;
import se.region.grantledger.core.model.Municipality;
import se.region.grantledger.core.model.Organisation;
import se.region.grantledger.core.model.OrganisationNumber;
import se.region.grantledger.core.model.ServiceRecipientKind;
import se.region.grantledger.core.model.SupportType;
import se.region.grantledger.core.project.DiaryNumberRegistry;
import se.region.grantledger.core.rules.FundingLimits;
import se.region.grantledger.core.rules.Rule;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static se.region.grantledger.core.CommandFixtures.*;

/** A home-delivery grant to a municipality, as in 2019's three (SEK 180 563 together). */
class CommercialServiceGrantTest {

    private static final String ID = "cs-1";
    private static final LocalDate DECIDED = LocalDate.of(2026, 2, 10);
    private static final Organisation NORBERG = new Organisation("Norbergs kommun", OrganisationNumber.of("212000-2049"));

    private AggregateTestFixture<CommercialServiceGrant> fixture;
    private InMemoryLimits limits;

    @BeforeEach
    void setUp() {
        limits = new InMemoryLimits();
        limits.send(new AllocateAppropriation("REGIONAL_1_1-2026", Fund.REGIONAL_1_1, 2026, Money.ofKronor(5_000_000),
                "RB 2026"));
        fixture = new AggregateTestFixture<>(CommercialServiceGrant.class);
        fixture.registerInjectableResource((DiaryNumberRegistry) (number, id) -> true);
        fixture.registerInjectableResource(FundingLimits.DEFAULTS);
        fixture.registerInjectableResource(limits.appropriations);
    }

    private static RegisterCommercialServiceGrant register() {
        return new RegisterCommercialServiceGrant(ID, "RV200017", NORBERG, ServiceRecipientKind.MUNICIPALITY,
                Municipality.NORBERG, CommercialServiceType.HOME_DELIVERY, 2025, Money.ofSek("120375.50"));
    }

    private static CommercialServiceGrantRegistered registered() {
        return new CommercialServiceGrantRegistered(ID, "RV200017", NORBERG, ServiceRecipientKind.MUNICIPALITY,
                Municipality.NORBERG, CommercialServiceType.HOME_DELIVERY, 2025, Money.ofSek("120375.50"), CASE_OFFICER);
    }

    @Test
    void aCaseOfficerRegistersTheYearsNetCost() {
        fixture.givenNoPriorActivity().when(register(), caseOfficer()).expectEvents(registered());
    }

    @Test
    void halfTheNetCostMayBeGranted() {
        fixture.given(registered())
                .when(new DecideCommercialServiceGrant(ID, "RUN 2026/5", DECIDED, Money.ofSek("60187.75")), approver())
                .expectEvents(new CommercialServiceGrantDecided(ID, "RUN 2026/5", DECIDED, Money.ofSek("60187.75"),
                        Money.ofSek("120375.50"), 50, CASE_OFFICER, APPROVER));
        assertThat(limits.eventsOf("REGIONAL_1_1-2026")).hasSize(2);
    }

    @Test
    void oneOreMoreThanHalfIsRefusedWithTheFigures() {
        fixture.given(registered())
                .when(new DecideCommercialServiceGrant(ID, "RUN 2026/5", DECIDED, Money.ofSek("60187.76")), approver())
                .expectException(violates(Rule.COMMERCIAL_SERVICE_WITHIN_NET_COST_SHARE))
                .expectNoEvents();
        assertThat(limits.eventsOf("REGIONAL_1_1-2026")).hasSize(1);
    }

    @Test
    void theShareIsConfigurable() {
        AggregateTestFixture<CommercialServiceGrant> stricter = new AggregateTestFixture<>(CommercialServiceGrant.class);
        stricter.registerInjectableResource(new FundingLimits(50, 50, Money.ofKronor(400_000), 40));
        stricter.registerInjectableResource(limits.appropriations);
        stricter.given(registered())
                .when(new DecideCommercialServiceGrant(ID, "RUN 2026/5", DECIDED, Money.ofSek("48150.21")), approver())
                .expectException(violates(Rule.COMMERCIAL_SERVICE_WITHIN_NET_COST_SHARE))
                .expectNoEvents();
    }

    @Test
    void aDecisionTheFrameCannotHoldIsRefused() {
        limits.send(new AllocateAppropriation("REGIONAL_1_1-2026", Fund.REGIONAL_1_1, 2026, Money.ofKronor(60_000), "cut"));
        fixture.given(registered())
                .when(new DecideCommercialServiceGrant(ID, "RUN 2026/5", DECIDED, Money.ofSek("60000.01")), approver())
                .expectException(violates(Rule.COMMITMENTS_WITHIN_FRAME))
                .expectNoEvents();
    }

    @Test
    void paidInArrearsByTwoPeople() {
        fixture.givenCommands(by(caseOfficer(), register()),
                        by(approver(), new DecideCommercialServiceGrant(ID, "RUN 2026/5", DECIDED, Money.ofSek("60187.75"))),
                        by(caseOfficer(), new ProposePayment(ID, "pay-1", null, Money.ofSek("60187.75"), null,
                                LocalDate.of(2026, 3, 1), "UB 2026-311")))
                .when(new AttestPayment(ID, "pay-1"), approver())
                .expectEvents(new SupportPaymentMade(ID, SupportType.COMMERCIAL_SERVICE, "pay-1", Money.ofSek("60187.75"),
                        Fund.REGIONAL_1_1, LocalDate.of(2026, 3, 1), "UB 2026-311", CASE_OFFICER, APPROVER));
        assertThat(limits.eventsOf("REGIONAL_1_1-2026")).last().isInstanceOf(AppropriationDrawn.class);
    }
}
