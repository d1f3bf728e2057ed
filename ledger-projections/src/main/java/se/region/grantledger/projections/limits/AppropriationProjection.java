package se.region.grantledger.projections.limits;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import se.region.grantledger.core.api.limits.AppropriationAllocated;
import se.region.grantledger.core.api.limits.AppropriationCredited;
import se.region.grantledger.core.api.limits.AppropriationDrawn;
import se.region.grantledger.core.api.limits.AppropriationReleased;
import se.region.grantledger.core.api.limits.AppropriationReserved;
import se.region.grantledger.core.api.limits.RepaymentReturnedToState;

import se.region.grantledger.projections.ReplayableProjection;

import java.time.Instant;
import java.util.List;

/** Keeps {@code appropriation_status}: per fund and year the frame and the sums reserved, drawn and released. */
@Component
@ProcessingGroup(AppropriationProjection.PROCESSING_GROUP)
public class AppropriationProjection implements ReplayableProjection {

    public static final String PROCESSING_GROUP = "limits";

    private final NamedParameterJdbcTemplate sql;

    public AppropriationProjection(NamedParameterJdbcTemplate sql) {
        this.sql = sql;
    }

    @Override
    public List<String> tables() {
        return List.of("appropriation_status");
    }

    @EventHandler
    void on(AppropriationAllocated event, @SequenceNumber long sequence, @Timestamp Instant at) {
        sql.update("""
                INSERT INTO appropriation_status (appropriation_id, fund, year, frame_ore, version, updated_at)
                VALUES (:id, :fund, :year, :frame, :seq, :at)
                ON CONFLICT (appropriation_id) DO UPDATE SET frame_ore = excluded.frame_ore,
                    version = excluded.version, updated_at = excluded.updated_at
                WHERE appropriation_status.version < excluded.version""",
                new MapSqlParameterSource("id", event.appropriationId()).addValue("fund", event.fund().name())
                        .addValue("year", event.year()).addValue("frame", event.frame().ore())
                        .addValue("seq", sequence).addValue("at", java.sql.Timestamp.from(at)));
    }

    @EventHandler
    void on(AppropriationReserved event, @SequenceNumber long sequence, @Timestamp Instant at) {
        add(event.appropriationId(), "reserved_ore", event.amount().ore(), sequence, at);
    }

    @EventHandler
    void on(AppropriationDrawn event, @SequenceNumber long sequence, @Timestamp Instant at) {
        add(event.appropriationId(), "drawn_ore", event.amount().ore(), sequence, at);
    }

    @EventHandler
    void on(AppropriationReleased event, @SequenceNumber long sequence, @Timestamp Instant at) {
        add(event.appropriationId(), "released_ore", event.amount().ore(), sequence, at);
    }

    /** A same-year repayment paid the frame down: what was drawn for the case is its reservation again. */
    @EventHandler
    void on(AppropriationCredited event, @SequenceNumber long sequence, @Timestamp Instant at) {
        add(event.appropriationId(), "drawn_ore", -event.amount().ore(), sequence, at);
    }

    @EventHandler
    void on(RepaymentReturnedToState event, @SequenceNumber long sequence, @Timestamp Instant at) {
        add(event.appropriationId(), "returned_to_state_ore", event.amount().ore(), sequence, at);
    }

    @ResetHandler
    void reset() {
        sql.getJdbcOperations().update("DELETE FROM appropriation_status");
    }

    private void add(String appropriationId, String column, long ore, long sequence, Instant at) {
        sql.update("UPDATE appropriation_status SET " + column + " = " + column + " + :ore, version = :seq,"
                        + " updated_at = :at WHERE appropriation_id = :id AND version < :seq",
                new MapSqlParameterSource("id", appropriationId).addValue("ore", ore).addValue("seq", sequence)
                        .addValue("at", java.sql.Timestamp.from(at)));
    }
}
