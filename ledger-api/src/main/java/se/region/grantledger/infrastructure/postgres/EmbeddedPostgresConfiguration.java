package se.region.grantledger.infrastructure.postgres;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
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
        return postgres;
    }

    /** The pool takes spring.datasource.hikari.* as an external server's would (timeouts: application.yml). */
    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(EmbeddedPostgres postgres) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        dataSource.setUsername("postgres");
        dataSource.setPassword("");
        dataSource.setPoolName("ledger-embedded");
        dataSource.setMaximumPoolSize(20);
        return dataSource;
    }
}
