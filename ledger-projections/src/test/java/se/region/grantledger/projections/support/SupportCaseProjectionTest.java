package se.region.grantledger.projections.support;

import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import se.region.grantledger.core.api.StreamType;
import se.region.grantledger.core.api.support.BusinessSupportDecided;
import se.region.grantledger.core.api.support.BusinessSupportRegistered;
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
import se.region.grantledger.core.model.SupportType;
import se.region.grantledger.projections.ProjectionDatabase;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The support-case read model, fed a case's events one by one and read back row by row, without a service. */
class SupportCaseProjectionTest {

    private static final LocalDate DECIDED = LocalDate.of(2026, 3, 2);
    private static ProjectionDatabase database;
    private static AnnotationEventHandlerAdapter projection;
    private static SupportCaseQueries cases;

    @BeforeAll
    static void start() {
        database = new ProjectionDatabase();
        projection = new AnnotationEventHandlerAdapter(new SupportCaseProjection(database.sql));
        cases = new SupportCaseQueries(database.sql);
    }

    @AfterAll
    static void stop() throws IOException {
        database.close();
    }

    @Test
    void aBusinessSupportFromRegistrationToClosureLeavesEveryKronaInItsColumn() throws Exception {
        String id = "bs-1";
        feed(id, List.of(
                new BusinessSupportRegistered(id, "RV26-1", new Company(OrganisationNumber.of("556036-0793"),
                        "Bruket AB", Municipality.ofScbCode("1981"), true, false), BusinessSupportType.CONSULTANCY_CHECK,
                        Fund.REGIONAL_1_1, "ny maskin", "handlaggare"),
                new BusinessSupportDecided(id, "RUN 26/1", DECIDED, Money.ofKronor(200_000), Fund.REGIONAL_1_1, "U-1",
                        new BigDecimal("11.00"), Euro.ofEuros(18_181), "handlaggare", "attestant"),
                new SupportPaymentProposed(id, SupportType.BUSINESS_SUPPORT, "p-1", Money.ofKronor(150_000),
                        Fund.REGIONAL_1_1, DECIDED.plusDays(10), "UB-1", "handlaggare"),
                new SupportPaymentMade(id, SupportType.BUSINESS_SUPPORT, "p-1", Money.ofKronor(150_000),
                        Fund.REGIONAL_1_1, DECIDED.plusDays(10), "UB-1", "handlaggare", "attestant2"),
                new SupportPaymentProposed(id, SupportType.BUSINESS_SUPPORT, "p-2", Money.ofKronor(30_000),
                        Fund.REGIONAL_1_1, DECIDED.plusDays(20), "UB-2", "handlaggare")));

        SupportCaseRow paying = cases.find(SupportType.BUSINESS_SUPPORT, id).orElseThrow();
        assertThat(paying.status()).isEqualTo("DECIDED");
        assertThat(paying.decided()).isEqualTo(Money.ofKronor(200_000));
        assertThat(paying.pending()).isEqualTo(Money.ofKronor(30_000));
        assertThat(paying.paid()).isEqualTo(Money.ofKronor(150_000));
        assertThat(paying.remaining()).isEqualTo(Money.ofKronor(50_000));
        assertThat(paying.version()).isEqualTo(4);

        feed(id, 5, List.of(
                new SupportPaymentMade(id, SupportType.BUSINESS_SUPPORT, "p-2", Money.ofKronor(30_000),
                        Fund.REGIONAL_1_1, DECIDED.plusDays(20), "UB-2", "handlaggare", "attestant2"),
                new SupportRecoveryDecided(id, SupportType.BUSINESS_SUPPORT, "r-1", DECIDED.plusMonths(6),
                        Money.ofKronor(20_000), "costs not eligible"),
                new SupportRepaymentReceived(id, SupportType.BUSINESS_SUPPORT, "r-1", Money.ofKronor(20_000),
                        DECIDED.plusMonths(7), "BG 1", Money.ofKronor(15_000), Money.ofKronor(5_000)),
                new SupportCaseClosed(id, SupportType.BUSINESS_SUPPORT, DECIDED.plusYears(1), Money.ofKronor(35_000),
                        "final report")));

        SupportCaseRow closed = cases.find(SupportType.BUSINESS_SUPPORT, id).orElseThrow();
        assertThat(closed.status()).isEqualTo("CLOSED");
        assertThat(closed.pending()).isEqualTo(Money.ZERO);
        assertThat(closed.paid()).isEqualTo(Money.ofKronor(180_000));
        assertThat(closed.recovered()).isEqualTo(Money.ofKronor(20_000));
        assertThat(closed.repaid()).isEqualTo(Money.ofKronor(20_000));
        assertThat(closed.returnedToState()).isEqualTo(Money.ofKronor(5_000));
        assertThat(closed.released()).as("decided 200 000 = net paid 160 000 + to the state 5 000 + released")
                .isEqualTo(Money.ofKronor(35_000));
        assertThat(closed.remaining()).isEqualTo(Money.ZERO);
        assertThat(closed.closedOn()).isEqualTo(DECIDED.plusYears(1));
        assertThat(closed.version()).isEqualTo(8);
        assertThat(cases.find(SupportType.COMMERCIAL_SERVICE, id)).as("a case is found as its own kind only").isEmpty();

        feed(id, 9, List.of(
                new SupportRecoveryDecided(id, SupportType.BUSINESS_SUPPORT, "r-2", DECIDED.plusYears(1).plusDays(1),
                        Money.ofKronor(10_000), "found later"),
                new SupportRepaymentReceived(id, SupportType.BUSINESS_SUPPORT, "r-2", Money.ofKronor(10_000),
                        DECIDED.plusYears(1).plusDays(5), "BG 2", Money.ofKronor(10_000), Money.ZERO)));
        assertThat(cases.find(SupportType.BUSINESS_SUPPORT, id).orElseThrow().released())
                .as("credited back to the frame after closure, and released there at once")
                .isEqualTo(Money.ofKronor(45_000));
    }

    private static void feed(String id, List<Object> events) throws Exception {
        feed(id, 0, events);
    }

    private static void feed(String id, long firstSequence, List<Object> events) throws Exception {
        long sequence = firstSequence;
        for (Object event : events) {
            projection.handle(new GenericDomainEventMessage<>(StreamType.BUSINESS_SUPPORT, id, sequence++, event,
                    MetaData.emptyInstance(), java.util.UUID.randomUUID().toString(), Instant.now()));
        }
    }
}
