package se.region.grantledger.infrastructure.postgres;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;

/**
 * The three roles of docs/reliability.md, as the embedded server creates them: the owner Flyway migrates with,
 * the service's role that cannot alter history, and the reporting role. Their names are fixed: the migration
 * V2026_11_28_04 grants to them by name. Run as the server's superuser before Flyway. A data directory from before
 * the roles existed has its tables owned by the superuser; they are handed to the owner, so that the owner's
 * migrations can grant on them.
 */
final class DatabaseRoles {

    static final String OWNER = "ledger_owner";
    static final String SERVICE = "ledger_service";
    static final String REPORTING = "ledger_reporting";

    private static final Logger log = LoggerFactory.getLogger(DatabaseRoles.class);

    private DatabaseRoles() {
    }

    static void createOn(DataSource superuser) {
        JdbcTemplate sql = new JdbcTemplate(superuser);
        for (String role : new String[]{OWNER, SERVICE, REPORTING}) {
            if (sql.queryForObject("SELECT count(*) FROM pg_roles WHERE rolname = ?", Integer.class, role) == 0) {
                sql.execute("CREATE ROLE " + quoted(role) + " LOGIN");
                log.info("Created PostgreSQL role {}", role);
            }
        }
        sql.execute("ALTER SCHEMA public OWNER TO " + quoted(OWNER));
        sql.execute("""
                DO $$
                DECLARE
                    object RECORD;
                BEGIN
                    FOR object IN SELECT c.relname, c.relkind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                                  WHERE n.nspname = 'public' AND c.relkind IN ('r', 'v', 'S', 'p')
                                    AND pg_get_userbyid(c.relowner) <> %1$s
                                    AND NOT (c.relkind = 'S' AND EXISTS (SELECT 1 FROM pg_depend d
                                             WHERE d.objid = c.oid AND d.deptype IN ('a', 'i')))
                        LOOP
                            EXECUTE format('ALTER %%s %%I OWNER TO %%I',
                                           CASE object.relkind WHEN 'v' THEN 'VIEW' WHEN 'S' THEN 'SEQUENCE' ELSE 'TABLE' END,
                                           object.relname, %1$s);
                        END LOOP;
                    FOR object IN SELECT p.oid::regprocedure AS signature FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
                                  WHERE n.nspname = 'public' AND pg_get_userbyid(p.proowner) <> %1$s
                        LOOP
                            EXECUTE format('ALTER FUNCTION %%s OWNER TO %%I', object.signature, %1$s);
                        END LOOP;
                END
                $$""".formatted("'" + OWNER + "'"));
    }

    private static String quoted(String role) {
        return "\"" + role.replace("\"", "\"\"") + "\"";
    }
}
