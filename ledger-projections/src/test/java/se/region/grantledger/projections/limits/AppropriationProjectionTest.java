package se.region.grantledger.projections.limits;

import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import se.region.grantledger.core.api.StreamType;
import se.region.grantledger.core.api.limits.AppropriationAllocated;
import se.region.grantledger.core.api.limits.AppropriationDrawn;
import se.region.grantledger.core.api.limits.AppropriationReleased;
import se.region.grantledger.core.api.limits.AppropriationReserved;
import se.region.grantledger.core.model.Fund;
import se.region.grantledger.core.model.Money;
import se.region.grantledger.core.model.ReleaseReason;
import se.region.grantledger.core.model.SupportType;
import se.region.grantledger.projections.ProjectionDatabase;
import se.region.grantledger.projections.limits.LimitsQueries.Frame;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The frame's read model, fed a year's events and read back: frame, reserved, drawn, released, headroom. */
class AppropriationProjectionTest {

    private static final String FRAME = "REGIONAL_1_1-2026";
    private static final LocalDate DAY = LocalDate.of(2026, 3, 2);
    private static ProjectionDatabase database;

    @BeforeAll
    static void start() {
        database = new ProjectionDatabase();
    }

    @AfterAll
    static void stop() throws IOException {
        database.close();
    }

    @Test
    void reservationsDrawsAndReleasesAddUpInTheFrame() throws Exception {
        AnnotationEventHandlerAdapter projection = new AnnotationEventHandlerAdapter(
                new AppropriationProjection(database.sql));
        List<Object> events = List.of(
                new AppropriationAllocated(FRAME, Fund.REGIONAL_1_1, 2026, Money.ofKronor(1_000_000), null, "RB 2026"),
                new AppropriationReserved(FRAME, "p-1", SupportType.PROJECT, Money.ofKronor(400_000), DAY,
                        Money.ofKronor(400_000)),
                new AppropriationReserved(FRAME, "b-1", SupportType.BUSINESS_SUPPORT, Money.ofKronor(100_000), DAY,
                        Money.ofKronor(500_000)),
                new AppropriationDrawn(FRAME, "p-1", Money.ofKronor(250_000), DAY.plusMonths(2)),
                new AppropriationReleased(FRAME, "p-1", Money.ofKronor(150_000), ReleaseReason.CLOSURE,
                        DAY.plusYears(1), Money.ofKronor(350_000)),
                new AppropriationAllocated(FRAME, Fund.REGIONAL_1_1, 2026, Money.ofKronor(1_200_000),
                        Money.ofKronor(1_000_000), "RB 2026, ändring"));
        long sequence = 0;
        for (Object event : events) {
            projection.handle(new GenericDomainEventMessage<>(StreamType.APPROPRIATION, FRAME, sequence++, event,
                    MetaData.emptyInstance(), UUID.randomUUID().toString(), Instant.now()));
        }

        Frame frame = new LimitsQueries(database.sql).frame(FRAME).orElseThrow();
        assertThat(frame.frame()).isEqualTo(Money.ofKronor(1_200_000));
        assertThat(frame.reserved()).isEqualTo(Money.ofKronor(500_000));
        assertThat(frame.drawn()).isEqualTo(Money.ofKronor(250_000));
        assertThat(frame.released()).isEqualTo(Money.ofKronor(150_000));
        assertThat(frame.committed()).isEqualTo(Money.ofKronor(350_000));
        assertThat(frame.headroom()).isEqualTo(Money.ofKronor(850_000));
        assertThat(frame.version()).isEqualTo(5);
    }
}
