package se.region.grantledger.projections.limits;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import se.region.grantledger.core.model.DeMinimisWindow;
import se.region.grantledger.core.model.Euro;
import se.region.grantledger.core.model.Money;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Reads of the frames and the undertakings. */
@Component
public class LimitsQueries {

    private final NamedParameterJdbcTemplate sql;

    public LimitsQueries(NamedParameterJdbcTemplate sql) {
        this.sql = sql;
    }

    /**
     * A fund's frame for a year; committed = reserved − released, outstanding = committed − drawn. Drawn is net of
     * same-year repayments credited back; {@code returnedToState} is what was repaid for earlier years' payments drawn
     * here, gone to the state (docs/adr/0014).
     */
    public record Frame(String appropriationId, String fund, int year, Money frame, Money reserved, Money drawn,
                        Money released, Money returnedToState, long version) {

        public Money committed() {
            return reserved.minus(released);
        }

        public Money outstanding() {
            return committed().minus(drawn);
        }

        public Money headroom() {
            return frame.minusOrZero(committed());
        }
    }

    public record Aid(String sourceId, String kind, String organisationNumber, String grantor, LocalDate grantedOn,
                      Euro amountEur, Money amount, BigDecimal sekPerEuro) {
    }

    public record UndertakingRow(String undertakingId, String name, List<String> companies, long version) {
    }

    public Optional<Frame> frame(String appropriationId) {
        return sql.query("SELECT * FROM appropriation_status WHERE appropriation_id = :id",
                new MapSqlParameterSource("id", appropriationId), (row, n) -> new Frame(row.getString("appropriation_id"),
                        row.getString("fund"), row.getInt("year"), Money.ofOre(row.getLong("frame_ore")),
                        Money.ofOre(row.getLong("reserved_ore")), Money.ofOre(row.getLong("drawn_ore")),
                        Money.ofOre(row.getLong("released_ore")), Money.ofOre(row.getLong("returned_to_state_ore")),
                        row.getLong("version"))).stream().findFirst();
    }

    public Optional<Long> frameVersion(String appropriationId) {
        return sql.queryForList("SELECT version FROM appropriation_status WHERE appropriation_id = :id",
                new MapSqlParameterSource("id", appropriationId), Long.class).stream().findFirst();
    }

    public Optional<UndertakingRow> undertaking(String undertakingId) {
        MapSqlParameterSource id = new MapSqlParameterSource("id", undertakingId);
        List<String> companies = sql.queryForList("SELECT organisation_number FROM undertaking_company"
                + " WHERE undertaking_id = :id ORDER BY organisation_number", id, String.class);
        return sql.query("SELECT * FROM undertaking_status WHERE undertaking_id = :id", id,
                (row, n) -> new UndertakingRow(row.getString("undertaking_id"), row.getString("name"), companies,
                        row.getLong("version"))).stream().findFirst();
    }

    /** The version alone: the API polls it while it waits for its own write. */
    public Optional<Long> undertakingVersion(String undertakingId) {
        return sql.queryForList("SELECT version FROM undertaking_status WHERE undertaking_id = :id",
                new MapSqlParameterSource("id", undertakingId), Long.class).stream().findFirst();
    }

    /** The aid that counts in the three-year window ending on {@code end} (DeMinimisWindow), oldest first. */
    public List<Aid> aidInWindow(String undertakingId, LocalDate end) {
        return sql.query("""
                SELECT * FROM de_minimis_aid WHERE undertaking_id = :id AND granted_on BETWEEN :start AND :end
                ORDER BY granted_on, source_id""", new MapSqlParameterSource("id", undertakingId)
                .addValue("start", DeMinimisWindow.start(end)).addValue("end", end), (row, n) -> {
            long ore = row.getLong("amount_ore");
            Money amount = row.wasNull() ? null : Money.ofOre(ore);
            return new Aid(row.getString("source_id"), row.getString("kind"), row.getString("organisation_number"),
                    row.getString("grantor"), row.getObject("granted_on", LocalDate.class),
                    new Euro(row.getLong("amount_eur_cents")), amount, row.getBigDecimal("sek_per_euro"));
        });
    }

    /** An undertaking's de minimis position on a day: the window, the aid in it and what the cap leaves. */
    public record DeMinimisPosition(LocalDate windowStart, LocalDate windowEnd, Euro capEur, Euro totalEur,
                                    Euro headroomEur, List<Aid> aid) {
    }

    /** The position in the three-year window ending on {@code end}, as {@link DeMinimisWindow} counts it. */
    public DeMinimisPosition deMinimisPosition(String undertakingId, LocalDate end) {
        List<Aid> aid = aidInWindow(undertakingId, end);
        Euro total = Euro.sum(aid.stream().map(Aid::amountEur).toList());
        return new DeMinimisPosition(DeMinimisWindow.start(end), end, DeMinimisWindow.CAP, total,
                DeMinimisWindow.CAP.minusOrZero(total), aid);
    }
}
