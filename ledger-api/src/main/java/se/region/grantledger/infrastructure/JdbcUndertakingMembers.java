package se.region.grantledger.infrastructure;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import se.region.grantledger.core.model.OrganisationNumber;
import se.region.grantledger.core.undertaking.UndertakingMembers;

import java.util.Optional;

/**
 * Company memberships of single undertakings, claimed on the connection of the command's transaction (as
 * {@link JdbcDiaryNumberRegistry} claims diary numbers): the claim commits or rolls back with the event.
 */
@Component
class JdbcUndertakingMembers implements UndertakingMembers {

    private final JdbcTemplate jdbc;

    JdbcUndertakingMembers(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<String> claim(OrganisationNumber company, String undertakingId) {
        jdbc.update("INSERT INTO undertaking_member (organisation_number, undertaking_id) VALUES (?, ?)"
                + " ON CONFLICT (organisation_number) DO NOTHING", company.toString(), undertakingId);
        return undertakingOf(company).filter(holder -> !holder.equals(undertakingId));
    }

    @Override
    public Optional<String> undertakingOf(OrganisationNumber company) {
        return jdbc.queryForList("SELECT undertaking_id FROM undertaking_member WHERE organisation_number = ?",
                String.class, company.toString()).stream().findFirst();
    }
}
