package se.region.grantledger.infrastructure.postgres;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.nio.file.Path;

/**
 * Where the embedded PostgreSQL keeps its data and which port it listens on (0: any free port).
 *
 * @param dataDirectory kept across restarts; default {@code ./data/postgres} under the working directory
 * @param port          0 picks a free port, logged at start-up
 */
@ConfigurationProperties("ledger.embedded-postgres")
public record EmbeddedPostgresProperties(Path dataDirectory, int port) {

    public EmbeddedPostgresProperties {
        if (dataDirectory == null) {
            dataDirectory = Path.of("data", "postgres");
        }
    }
}
