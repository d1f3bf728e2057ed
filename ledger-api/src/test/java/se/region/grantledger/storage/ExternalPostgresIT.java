package se.region.grantledger.storage;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import se.region.grantledger.GrantLedgerApplication;
import se.region.grantledger.support.LedgerClient;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With POSTGRES_URL set the service uses that server and starts no PostgreSQL of its own. The "external"
 * server here is a separately started PostgreSQL process, the nearest thing to a production server this
 * machine can run.
 */
class ExternalPostgresIT {

    @TempDir
    Path serverDirectory;

    @Test
    void withPostgresUrlTheServiceUsesThatServer() throws Exception {
        try (EmbeddedPostgres server = EmbeddedPostgres.builder().setDataDirectory(serverDirectory)
                .setCleanDataDirectory(true).start()) {
            String url = "jdbc:postgresql://localhost:" + server.getPort() + "/postgres";
            try (ConfigurableApplicationContext service = new SpringApplicationBuilder(GrantLedgerApplication.class)
                    .run("--server.port=0", "--POSTGRES_URL=" + url, "--POSTGRES_USER=postgres",
                            "--POSTGRES_PASSWORD=unused")) {
                assertThat(service.getBeanNamesForType(EmbeddedPostgres.class)).isEmpty();
                int port = ((WebServerApplicationContext) service).getWebServer().getPort();
                String projectId = new LedgerClient("http://localhost:" + port).registerProject();

                JdbcTemplate onTheServer = new JdbcTemplate(server.getPostgresDatabase());
                assertThat(onTheServer.queryForObject(
                        "SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?", Long.class, projectId))
                        .isEqualTo(1);
                assertThat(onTheServer.queryForObject(
                        "SELECT count(*) FROM project_status WHERE project_id = ?", Long.class, projectId))
                        .isEqualTo(1);
            }
        }
    }
}
