package se.region.grantledger.projections.limits;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import se.region.grantledger.core.api.limits.CompanyJoinedUndertaking;
import se.region.grantledger.core.api.limits.DeMinimisAidGranted;
import se.region.grantledger.core.api.limits.OtherDeMinimisAidDeclared;
import se.region.grantledger.core.api.limits.UndertakingRegistered;
import se.region.grantledger.core.model.OrganisationNumber;

import java.time.Instant;

/**
 * Keeps {@code undertaking_status}, {@code undertaking_company} and {@code de_minimis_aid}. Child rows are keyed,
 * so a redelivered event inserts nothing twice; the window and headroom are worked out when read.
 */
@Component
@ProcessingGroup(AppropriationProjection.PROCESSING_GROUP)
public class UndertakingProjection {

    /** How the region's own decisions are named among the grantors. */
    static final String THE_REGION = "Region (this ledger)";

    private final NamedParameterJdbcTemplate sql;

    public UndertakingProjection(NamedParameterJdbcTemplate sql) {
        this.sql = sql;
    }

    @EventHandler
    void on(UndertakingRegistered event, @SequenceNumber long sequence, @Timestamp Instant at) {
        sql.update("""
                INSERT INTO undertaking_status (undertaking_id, name, version, updated_at) VALUES (:id, :name, :seq, :at)
                ON CONFLICT (undertaking_id) DO NOTHING""", new MapSqlParameterSource("id", event.undertakingId())
                .addValue("name", event.name()).addValue("seq", sequence).addValue("at", java.sql.Timestamp.from(at)));
        event.companies().forEach(company -> addCompany(event.undertakingId(), company));
    }

    @EventHandler
    void on(CompanyJoinedUndertaking event, @SequenceNumber long sequence, @Timestamp Instant at) {
        addCompany(event.undertakingId(), event.company());
        touch(event.undertakingId(), sequence, at);
    }

    @EventHandler
    void on(OtherDeMinimisAidDeclared event, @SequenceNumber long sequence, @Timestamp Instant at) {
        addAid(new MapSqlParameterSource("id", event.undertakingId()).addValue("source", event.declarationId())
                .addValue("kind", "DECLARED").addValue("org", event.company().toString())
                .addValue("grantor", event.grantor()).addValue("on", event.grantedOn())
                .addValue("eur", event.amount().cents()).addValue("ore", null).addValue("rate", null));
        touch(event.undertakingId(), sequence, at);
    }

    @EventHandler
    void on(DeMinimisAidGranted event, @SequenceNumber long sequence, @Timestamp Instant at) {
        addAid(new MapSqlParameterSource("id", event.undertakingId()).addValue("source", event.caseId())
                .addValue("kind", "GRANTED").addValue("org", event.company().toString())
                .addValue("grantor", THE_REGION).addValue("on", event.decisionDate())
                .addValue("eur", event.amountEur().cents()).addValue("ore", event.amount().ore())
                .addValue("rate", event.sekPerEuro()));
        touch(event.undertakingId(), sequence, at);
    }

    @ResetHandler
    void reset() {
        sql.getJdbcOperations().update("DELETE FROM de_minimis_aid");
        sql.getJdbcOperations().update("DELETE FROM undertaking_company");
        sql.getJdbcOperations().update("DELETE FROM undertaking_status");
    }

    private void addCompany(String undertakingId, OrganisationNumber company) {
        sql.update("INSERT INTO undertaking_company (undertaking_id, organisation_number) VALUES (:id, :org)"
                + " ON CONFLICT DO NOTHING", new MapSqlParameterSource("id", undertakingId).addValue("org", company.toString()));
    }

    private void addAid(MapSqlParameterSource aid) {
        sql.update("""
                INSERT INTO de_minimis_aid (undertaking_id, source_id, kind, organisation_number, grantor, granted_on,
                    amount_eur_cents, amount_ore, sek_per_euro)
                VALUES (:id, :source, :kind, :org, :grantor, :on, :eur, :ore, :rate) ON CONFLICT DO NOTHING""", aid);
    }

    private void touch(String undertakingId, long sequence, Instant at) {
        sql.update("UPDATE undertaking_status SET version = :seq, updated_at = :at WHERE undertaking_id = :id"
                + " AND version < :seq", new MapSqlParameterSource("id", undertakingId).addValue("seq", sequence)
                .addValue("at", java.sql.Timestamp.from(at)));
    }
}
