package se.region.grantledger.infrastructure.audit;

import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import se.region.grantledger.projections.ReadTime;
import se.region.grantledger.projections.ReplayableProjection;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * A case or a frame at a business date as the ledger knew it at a moment (docs/audit.md): the events of its stream
 * recorded up to then and dated up to that day ({@link ReadTime#includes}) are replayed through the very projection
 * that keeps today's read model, into temporary copies of its tables that exist only inside one transaction, which
 * is then rolled back. PostgreSQL looks up
 * unqualified names in the session's temporary schema first, so the projection and its queries use the copies
 * without knowing it, and nothing of today's read models is touched.
 */
@Component
public class AsKnownAt {

    /** Dates are read as Swedish days: "as known on 2020-02-04" is everything recorded before that day ended there. */
    public static final ZoneId REGION = ZoneId.of("Europe/Stockholm");

    private final TransactionTemplate transactions;
    private final JdbcTemplate jdbc;

    public AsKnownAt(PlatformTransactionManager transactionManager, JdbcTemplate jdbc) {
        this.transactions = new TransactionTemplate(transactionManager);
        this.jdbc = jdbc;
    }

    /** An ISO instant ({@code 2020-02-04T09:30:00Z}) as it is, or an ISO date as the end of that Swedish day. */
    public static Instant parse(String asOf) {
        try {
            return Instant.parse(asOf);
        } catch (DateTimeParseException notAnInstant) {
            return LocalDate.parse(asOf).plusDays(1).atStartOfDay(REGION).toInstant();
        }
    }

    /**
     * @param projection  the projection bean whose handlers rebuild its tables, copied empty
     * @param history     the events to replay, oldest first; only those the read's time includes count
     * @param read        what to read from the copies once the replay is done
     */
    public <T> T replay(ReadTime time, ReplayableProjection projection,
                        Supplier<Stream<? extends EventMessage<?>>> history, Supplier<T> read) {
        return transactions.execute(status -> {
            status.setRollbackOnly();
            for (String table : projection.tables()) {
                jdbc.execute("CREATE TEMPORARY TABLE " + table + " (LIKE public." + table + " INCLUDING ALL)");
            }
            AnnotationEventHandlerAdapter handlers = new AnnotationEventHandlerAdapter(projection);
            try (Stream<? extends EventMessage<?>> events = history.get()) {
                events.filter(time::includes).filter(handlers::canHandle).forEach(event -> {
                    try {
                        handlers.handle(event);
                    } catch (Exception e) {
                        throw new IllegalStateException("replaying " + event.getPayloadType().getSimpleName()
                                + " " + event.getIdentifier() + " failed", e);
                    }
                });
            }
            return read.get();
        });
    }
}
