package se.region.grantledger.infrastructure.postgres;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.flyway.FlywayDataSource;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationStrategy;
import org.springframework.context.annotation.Primary;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * With no {@code POSTGRES_URL}, the service starts its own real PostgreSQL (docs/adr/0003): a persistent data
 * directory, and durability settings a ledger needs whatever the library's test-oriented defaults are
 * (it passes {@code -F}, fsync off, before our settings; ours come later on the command line and win).
 */
@Configuration(proxyBeanMethods = false)
@Conditional(NoExternalPostgres.class)
public class EmbeddedPostgresConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

    /** Held for the service's lifetime; closed after the server has stopped (Spring destroys in reverse order). */
    @Bean(destroyMethod = "close")
    DataDirectoryOwnership dataDirectoryOwnership(EmbeddedPostgresProperties properties) throws IOException {
        Path dataDirectory = properties.dataDirectory().toAbsolutePath();
        Files.createDirectories(dataDirectory);
        return DataDirectoryOwnership.take(dataDirectory);
    }

    /** {@code owned} is not read: asking for it makes the directory ours, and any orphan gone, before this starts. */
    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(EmbeddedPostgresProperties properties, DataDirectoryOwnership owned)
            throws IOException {
        Path dataDirectory = properties.dataDirectory().toAbsolutePath();
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setPort(properties.port())
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .setServerConfig("listen_addresses", "localhost")
                .start();
        log.info("Embedded PostgreSQL listening on localhost:{}, data in {}", postgres.getPort(), dataDirectory);
        DatabaseRoles.createOn(postgres.getPostgresDatabase());
        return postgres;
    }

    /** Flyway migrates as the owner; the service itself runs as a role that cannot alter the event store. */
    @Bean
    @FlywayDataSource
    DataSource migrationDataSource(EmbeddedPostgres postgres) {
        return postgres.getDatabase(DatabaseRoles.OWNER, "postgres");
    }

    /**
     * Migrates, then frees the event processors' segment claims. The data directory is this process's alone
     * (DataDirectoryOwnership), so a claim can only be left by a service that died; without this, the projections
     * would wait out the claim timeout after every crash and writes would answer 202 instead of 201 meanwhile.
     */
    @Bean
    FlywayMigrationStrategy migrateThenFreeDeadClaims() {
        return flyway -> {
            flyway.migrate();
            int freed = new JdbcTemplate(flyway.getConfiguration().getDataSource())
                    .update("UPDATE token_entry SET owner = NULL WHERE owner IS NOT NULL");
            if (freed > 0) {
                log.warn("Freed {} segment claims left by a service that did not stop cleanly", freed);
            }
        };
    }

    /** The pool takes spring.datasource.hikari.* as an external server's would (timeouts: application.yml). */
    @Bean
    @Primary
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(EmbeddedPostgres postgres) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(postgres.getJdbcUrl(DatabaseRoles.SERVICE, "postgres"));
        dataSource.setUsername(DatabaseRoles.SERVICE);
        dataSource.setPassword("");
        dataSource.setPoolName("ledger-embedded");
        dataSource.setMaximumPoolSize(20);
        return dataSource;
    }
}
