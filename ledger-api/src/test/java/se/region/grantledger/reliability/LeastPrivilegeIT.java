package se.region.grantledger.reliability;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import se.region.grantledger.support.LedgerIntegrationTest;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The service runs as a role that can add to history but never alter it: no UPDATE, DELETE or TRUNCATE on the
 * event store, no DDL, no switching the append-only trigger off. Reporting jobs read the report views only.
 */
class LeastPrivilegeIT extends LedgerIntegrationTest {

    @Test
    void theServiceRunsAsARoleThatCannotAlterHistory() {
        ledger.registerProject();
        assertThat(jdbc.queryForObject("SELECT current_user", String.class)).isEqualTo("ledger_service");
        assertThat(jdbc.queryForObject("SELECT rolsuper FROM pg_roles WHERE rolname = current_user", Boolean.class)).isFalse();
        for (String alteration : List.of(
                "UPDATE domain_event_entry SET payload = payload",
                "DELETE FROM domain_event_entry",
                "TRUNCATE domain_event_entry",
                "ALTER TABLE domain_event_entry DISABLE TRIGGER ALL",
                "DROP TABLE domain_event_entry",
                "SET session_replication_role = replica",
                "CREATE TABLE sneaky (id INT)",
                "DELETE FROM flyway_schema_history")) {
            assertThatThrownBy(() -> jdbc.execute(alteration)).as(alteration)
                    .rootCause().hasMessageMatching("(?s).*(permission denied|must be owner).*");
        }
        assertThat(storedEventCount()).isPositive();
    }

    @Test
    void reportingJobsReadTheReportViewsAndNothingElse() {
        JdbcTemplate asReporting = new JdbcTemplate(new org.springframework.jdbc.datasource.SingleConnectionDataSource(
                jdbcUrlAs("ledger_reporting"), "ledger_reporting", "", true));
        assertThat(asReporting.queryForObject("SELECT count(*) FROM report_leverage", Long.class)).isNotNull();
        assertThat(asReporting.queryForObject("SELECT count(*) FROM event_log", Long.class)).isNotNull();
        assertThat(asReporting.queryForObject("SELECT count(*) FROM report_positions_at(DATE '2019-12-31',"
                + " TIMESTAMPTZ '2020-02-04 12:00+01')", Long.class)).as("the dated functions").isNotNull();
        assertThat(asReporting.queryForObject("SELECT count(*) FROM report_disbursement_at(NULL, now())", Long.class))
                .isNotNull();
        assertThatThrownBy(() -> asReporting.queryForObject("SELECT count(*) FROM project_status", Long.class))
                .rootCause().hasMessageContaining("denied");
        assertThatThrownBy(() -> asReporting.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class))
                .rootCause().hasMessageContaining("denied");
        assertThatThrownBy(() -> asReporting.execute("INSERT INTO idempotency_key (username, idempotency_key, request_hash)"
                + " VALUES ('x', 'y', 'z')")).rootCause().hasMessageContaining("denied");
    }

    private String jdbcUrlAs(String role) {
        String url = jdbc.queryForObject("SELECT 'jdbc:postgresql://localhost:' || current_setting('port') || '/postgres'",
                String.class);
        return url + "?user=" + role;
    }
}
