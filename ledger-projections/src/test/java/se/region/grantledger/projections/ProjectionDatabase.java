package se.region.grantledger.projections;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A real PostgreSQL with the service's own migrations (read from ledger-api's sources, so the reports are tested
 * against the very schema the service runs), for the projection tests of this module.
 */
public final class ProjectionDatabase implements AutoCloseable {

    private final EmbeddedPostgres postgres;
    public final NamedParameterJdbcTemplate sql;

    public ProjectionDatabase() {
        try {
            postgres = EmbeddedPostgres.builder().start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Flyway.configure().dataSource(postgres.getPostgresDatabase())
                .locations("filesystem:../ledger-api/src/main/resources/db/migration")
                .load().migrate();
        sql = new NamedParameterJdbcTemplate(postgres.getPostgresDatabase());
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
