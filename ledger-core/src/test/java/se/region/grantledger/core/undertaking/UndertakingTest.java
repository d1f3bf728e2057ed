package se.region.grantledger.core.undertaking;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.region.grantledger.core.InMemoryLimits;
import se.region.grantledger.core.api.limits.AddCompanyToUndertaking;
import se.region.grantledger.core.api.limits.CompanyJoinedUndertaking;
import se.region.grantledger.core.api.limits.DeclareOtherDeMinimisAid;
import se.region.grantledger.core.api.limits.OtherDeMinimisAidDeclared;
import se.region.grantledger.core.api.limits.RegisterUndertaking;
import se.region.grantledger.core.api.limits.UndertakingRegistered;
import se.region.grantledger.core.model.Euro;
import se.region.grantledger.core.model.OrganisationNumber;
import se.region.grantledger.core.rules.InvalidValue;
import se.region.grantledger.core.rules.StateConflict;

import java.time.LocalDate;
import java.util.List;

class UndertakingTest {

    private static final OrganisationNumber PARENT = OrganisationNumber.of("556036-0793");
    private static final OrganisationNumber SUBSIDIARY = OrganisationNumber.of("556677-8899");

    private AggregateTestFixture<Undertaking> fixture;
    private InMemoryLimits.Members members;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Undertaking.class);
        members = new InMemoryLimits.Members();
        fixture.registerInjectableResource(members);
    }

    @Test
    void linkedCompaniesAreRegisteredAsOneUndertakingOnce() {
        fixture.givenNoPriorActivity()
                .when(new RegisterUndertaking("U-1", "Sala-gruppen", List.of(PARENT, SUBSIDIARY, PARENT)))
                .expectEvents(new UndertakingRegistered("U-1", "Sala-gruppen", List.of(PARENT, SUBSIDIARY)));
    }

    @Test
    void aCompanyCountsInOneUndertakingOnly() {
        members.claim(SUBSIDIARY, "U-0");
        fixture.givenNoPriorActivity()
                .when(new RegisterUndertaking("U-1", "Sala-gruppen", List.of(PARENT, SUBSIDIARY)))
                .expectException(StateConflict.class)
                .expectNoEvents();
    }

    @Test
    void aCompanyJoinsLater() {
        fixture.given(new UndertakingRegistered("U-1", "Sala-gruppen", List.of(PARENT)))
                .when(new AddCompanyToUndertaking("U-1", SUBSIDIARY))
                .expectEvents(new CompanyJoinedUndertaking("U-1", SUBSIDIARY));
    }

    @Test
    void declaredAidIsRecordedForAMemberCompany() {
        DeclareOtherDeMinimisAid declared = new DeclareOtherDeMinimisAid("U-1", "d-1", PARENT, "Almi",
                LocalDate.of(2025, 3, 1), Euro.ofEuros(40_000));
        fixture.given(new UndertakingRegistered("U-1", "Sala-gruppen", List.of(PARENT)))
                .when(declared)
                .expectEvents(new OtherDeMinimisAidDeclared("U-1", "d-1", PARENT, "Almi", LocalDate.of(2025, 3, 1),
                        Euro.ofEuros(40_000)));
    }

    @Test
    void declaredAidOfACompanyOutsideTheUndertakingIsRefused() {
        fixture.given(new UndertakingRegistered("U-1", "Sala-gruppen", List.of(PARENT)))
                .when(new DeclareOtherDeMinimisAid("U-1", "d-1", SUBSIDIARY, "Almi", LocalDate.of(2025, 3, 1),
                        Euro.ofEuros(1)))
                .expectException(InvalidValue.class)
                .expectNoEvents();
    }
}
