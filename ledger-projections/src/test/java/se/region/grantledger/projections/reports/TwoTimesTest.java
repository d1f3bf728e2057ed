package se.region.grantledger.projections.reports;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;
import se.region.grantledger.core.api.StreamType;
import se.region.grantledger.core.api.limits.AppropriationCredited;
import se.region.grantledger.core.api.limits.AppropriationDrawn;
import se.region.grantledger.core.api.limits.AppropriationReleased;
import se.region.grantledger.core.api.limits.AppropriationReserved;
import se.region.grantledger.core.api.limits.RepaymentReturnedToState;
import se.region.grantledger.core.api.project.PaymentMade;
import se.region.grantledger.core.api.project.ProjectRegistered;
import se.region.grantledger.core.api.project.RepaymentReceived;
import se.region.grantledger.core.model.Fund;
import se.region.grantledger.core.model.Money;
import se.region.grantledger.core.model.Municipality;
import se.region.grantledger.core.model.Organisation;
import se.region.grantledger.core.model.OrganisationNumber;
import se.region.grantledger.core.model.PaymentType;
import se.region.grantledger.core.model.Period;
import se.region.grantledger.core.model.ProjectKind;
import se.region.grantledger.core.model.ReleaseReason;
import se.region.grantledger.core.model.SupportType;
import se.region.grantledger.projections.ProjectionDatabase;
import se.region.grantledger.projections.ReadTime;
import se.region.grantledger.projections.reports.Reports.Amount;
import se.region.grantledger.projections.reports.Reports.CommitmentLine;
import se.region.grantledger.projections.reports.Reports.Disbursements;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reports at a business date (validAt) as known at a moment (knownAt): the report projection fed events with
 * their own recorded times, read back through the {@code report_*_at} functions.
 */
class TwoTimesTest {

    private static ProjectionDatabase database;
    private static final AtomicInteger YEARS = new AtomicInteger(2100);

    @BeforeContainer
    static void startForProperties() {
        start();
    }

    @AfterContainer
    static void stopForProperties() throws IOException {
        stop();
    }

    static void start() {
        if (database == null) {
            database = new ProjectionDatabase();
        }
    }

    static void stop() throws IOException {
        if (database != null) {
            database.close();
            database = null;
        }
    }

    @Test
    void aCorrectionRecordedIn2020ToA2019PaymentChanges2019AsKnownNowButNotAsKnownBeforeIt() throws IOException {
        start();
        try {
            String project = "p-" + UUID.randomUUID();
            feed(StreamType.PROJECT, project, List.of(
                    timed(registered(project), "2019-03-01T09:00:00Z"),
                    timed(payment(project, 400_000_00L, LocalDate.of(2019, 12, 20)), "2019-12-20T14:00:00Z"),
                    // Entered on 1 February 2020: money that came back on 28 December 2019.
                    timed(new RepaymentReceived(project, "rec-1", Money.ofOre(100_000_00L), LocalDate.of(2019, 12, 28),
                            "BG", Money.ofOre(100_000_00L), Money.ZERO), "2020-02-01T10:00:00Z")));
            ReportQueries reports = new ReportQueries(database.sql);

            long knownNow = net(reports.disbursements(2019, ReadTime.NOW));
            long knownMidJanuary = net(reports.disbursements(2019,
                    new ReadTime(null, Instant.parse("2020-01-15T12:00:00Z"))));
            long atYearEndKnownNow = net(reports.disbursements(2019, new ReadTime(LocalDate.of(2019, 12, 31), null)));
            long beforeTheRepaymentsDate = net(reports.disbursements(2019,
                    new ReadTime(LocalDate.of(2019, 12, 27), null)));

            assertThat(knownMidJanuary - knownNow).isEqualTo(100_000_00L);
            assertThat(atYearEndKnownNow).isEqualTo(knownNow);
            assertThat(beforeTheRepaymentsDate).isEqualTo(knownMidJanuary);
        } finally {
            stop();
        }
    }

    /**
     * Any frame's movements, each with its business date and recorded moment, read at any (validAt, knownAt): the
     * position is the sum of exactly the movements dated by validAt and recorded by knownAt, to the öre.
     */
    @Property(tries = 60)
    void aPositionCountsExactlyTheMovementsDatedAndRecordedByItsTimes(@ForAll("movements") List<Movement> movements,
                                                                   @ForAll("days") LocalDate validAt,
                                                                   @ForAll("moments") Instant knownAt,
                                                                   @ForAll boolean limitValidAt,
                                                                   @ForAll boolean limitKnownAt) {
        int year = YEARS.getAndIncrement();
        String frame = "REGIONAL_1_1-" + year;
        List<Object[]> events = movements.stream().map(movement -> new Object[]{movement.event(frame), movement.recorded()})
                .toList();
        feed(StreamType.APPROPRIATION, frame, events);
        ReadTime time = new ReadTime(limitValidAt ? validAt : null, limitKnownAt ? knownAt : null);

        List<Movement> counted = movements.stream()
                .filter(m -> time.validAt() == null || !m.date().isAfter(time.validAt()))
                .filter(m -> time.knownAt() == null || !m.recorded().isAfter(time.knownAt())).toList();
        CommitmentLine line = new ReportQueries(database.sql).commitments(time).lines().stream()
                .filter(l -> l.decisionYear() == year).findFirst().orElse(null);
        if (counted.isEmpty()) {
            assertThat(line).isNull();
            return;
        }
        long committed = sum(counted, "RESERVED");
        long paid = sum(counted, "DRAWN") - sum(counted, "CREDITED");
        long released = sum(counted, "RELEASED");
        assertThat(line).isNotNull();
        assertThat(line.reserved()).isEqualTo(Amount.ofOre(committed));
        assertThat(line.paid()).isEqualTo(Amount.ofOre(paid));
        assertThat(line.released()).isEqualTo(Amount.ofOre(released));
        assertThat(line.returnedToState()).isEqualTo(Amount.ofOre(sum(counted, "RETURNED_TO_STATE")));
        assertThat(line.outstanding()).isEqualTo(Amount.ofOre(committed - paid - released));
    }

    record Movement(String kind, long ore, LocalDate date, Instant recorded) {

        Object event(String frame) {
            Money amount = Money.ofOre(ore);
            return switch (kind) {
                case "RESERVED" -> new AppropriationReserved(frame, "c", SupportType.PROJECT, amount, date, amount);
                case "DRAWN" -> new AppropriationDrawn(frame, "c", amount, date);
                case "RELEASED" -> new AppropriationReleased(frame, "c", amount, ReleaseReason.CLOSURE, date, Money.ZERO);
                case "CREDITED" -> new AppropriationCredited(frame, "c", amount, date);
                default -> new RepaymentReturnedToState(frame, "c", amount, date);
            };
        }
    }

    @Provide
    Arbitrary<List<Movement>> movements() {
        Arbitrary<Movement> movement = Combinators.combine(
                Arbitraries.of("RESERVED", "DRAWN", "RELEASED", "CREDITED", "RETURNED_TO_STATE"),
                Arbitraries.longs().between(1, 5_000_000_00L), days(), moments()).as(Movement::new);
        // A stream is recorded in order: sort each list's recorded moments so that later events are recorded later.
        return movement.list().ofMaxSize(12).map(list -> {
            List<Instant> times = list.stream().map(Movement::recorded).sorted().toList();
            return java.util.stream.IntStream.range(0, list.size()).mapToObj(i -> new Movement(list.get(i).kind(),
                    list.get(i).ore(), list.get(i).date(), times.get(i))).toList();
        });
    }

    @Provide
    Arbitrary<LocalDate> days() {
        return Arbitraries.integers().between(0, 3 * 365).map(day -> LocalDate.of(2019, 1, 1).plusDays(day));
    }

    @Provide
    Arbitrary<Instant> moments() {
        return Arbitraries.longs().between(0, 3L * 365 * 24 * 3600)
                .map(second -> Instant.parse("2019-01-01T00:00:00Z").plusSeconds(second));
    }

    private static long sum(List<Movement> movements, String kind) {
        return movements.stream().filter(m -> m.kind().equals(kind)).mapToLong(Movement::ore).sum();
    }

    /** In kronor, exact: the report's amounts are decimals of öre. */
    private static long net(Disbursements paid) {
        return paid.lines().stream().filter(line -> line.supportType().equals("PROJECT"))
                .map(line -> line.net().sek()).reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add)
                .movePointRight(2).longValueExact();
    }

    private static Object[] timed(Object event, String recorded) {
        return new Object[]{event, Instant.parse(recorded)};
    }

    private static void feed(String type, String stream, List<Object[]> events) {
        AnnotationEventHandlerAdapter projection = new AnnotationEventHandlerAdapter(new ReportProjection(database.sql));
        long sequence = 0;
        for (Object[] event : events) {
            try {
                projection.handle(new GenericDomainEventMessage<>(type, stream, sequence++, event[0],
                        MetaData.emptyInstance(), UUID.randomUUID().toString(), (Instant) event[1]));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static ProjectRegistered registered(String project) {
        return new ProjectRegistered(project, "RV" + project.substring(2, 8), null, "Projekt",
                new Organisation("Almi", OrganisationNumber.of("556486-7678")),
                List.of(Municipality.ofScbCode("1980"), Municipality.ofScbCode("1981"), Municipality.ofScbCode("1982")),
                ProjectKind.PROJECT, "Styrkeområden", new Period(LocalDate.of(2019, 1, 1), LocalDate.of(2021, 12, 31)));
    }

    private static PaymentMade payment(String project, long ore, LocalDate paidOn) {
        return new PaymentMade(project, "pay-" + UUID.randomUUID(), PaymentType.REQUISITION, "r-1", Money.ofOre(ore),
                Fund.REGIONAL_1_1, paidOn, "UB", null, "handläggare", "attestant");
    }
}
