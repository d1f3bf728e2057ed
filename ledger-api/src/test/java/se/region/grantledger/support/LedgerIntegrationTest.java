package se.region.grantledger.support;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The whole service on a random port over its own embedded PostgreSQL, started once for all test classes
 * that extend this (Spring caches the context; the data directory is fixed for the JVM so the cache key is).
 */
@AutoConfigureObservability
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class LedgerIntegrationTest {

    private static final Path DATA_DIRECTORY = newDataDirectory();

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcTemplate jdbc;

    protected LedgerClient ledger;

    @DynamicPropertySource
    static void embeddedPostgres(DynamicPropertyRegistry registry) {
        registry.add("ledger.embedded-postgres.data-directory", DATA_DIRECTORY::toString);
        // Snapshots of frames, undertakings and rates every 10 events instead of 100, so that the many decisions
        // and payments of the tests are judged against aggregates loaded from snapshots, not only from events.
        registry.add("ledger.snapshots.every", () -> "10");
    }

    /**
     * Every test meets a service whose 1:1 frames for the years the tests decide in are allocated, whichever test the
     * JVM runs first (the ITs run in two JVMs taking classes from one queue, so no test may count on another's).
     */
    @BeforeEach
    void connect() {
        ledger = new LedgerClient("http://localhost:" + port);
        ledger.ensureRoomyFrames();
    }

    @Autowired
    private io.zonky.test.db.postgres.embedded.EmbeddedPostgres postgres;

    /** The database's superuser, for what the service's own role may not do (tamper with history, in a test). */
    protected JdbcTemplate superuser() {
        return new JdbcTemplate(postgres.getPostgresDatabase());
    }

    protected long storedEventCount() {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);
    }

    private static Path newDataDirectory() {
        try {
            return Files.createTempDirectory("grant-ledger-test-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
