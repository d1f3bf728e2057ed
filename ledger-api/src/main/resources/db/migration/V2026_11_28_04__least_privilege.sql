-- Least privilege (docs/reliability.md, "Roles in PostgreSQL"). Three roles:
--   ledger_owner, who runs these migrations and owns every table (the only one who could drop the append-only trigger);
--   ledger_service, the running service: reads and writes its read models, tokens and keys, but may only SELECT and
--     INSERT on the event store: no UPDATE, DELETE or TRUNCATE, and no DDL;
--   ledger_reporting, reporting jobs: SELECT on the report_* views and the auditors' event_log, nothing else.
-- A role that does not exist is skipped, so a server without them (a developer's, a test's) still migrates; the
-- embedded default creates them (DatabaseRoles) and docs/reliability.md says how to create them on a server.
DO
$$
DECLARE
    service   TEXT := 'ledger_service';
    reporting TEXT := 'ledger_reporting';
    view_name TEXT;
BEGIN
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = service) THEN
        EXECUTE format('GRANT USAGE ON SCHEMA public TO %I', service);
        EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE, TRUNCATE ON ALL TABLES IN SCHEMA public TO %I', service);
        EXECUTE format('REVOKE UPDATE, DELETE, TRUNCATE ON domain_event_entry FROM %I', service);
        EXECUTE format('REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON flyway_schema_history FROM %I', service);
        EXECUTE format('GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO %I', service);
        EXECUTE format('GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA public TO %I', service);
        -- Tables of later migrations: read models the service keeps. A later table that must be append-only
        -- revokes as above, in its own migration.
        EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE, TRUNCATE ON TABLES TO %I', service);
        EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO %I', service);
        EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT EXECUTE ON FUNCTIONS TO %I', service);
    END IF;
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = reporting) THEN
        EXECUTE format('GRANT USAGE ON SCHEMA public TO %I', reporting);
        FOR view_name IN SELECT viewname FROM pg_views WHERE schemaname = 'public'
                           AND (viewname LIKE 'report\_%' OR viewname = 'event_log')
            LOOP
                EXECUTE format('GRANT SELECT ON %I TO %I', view_name, reporting);
            END LOOP;
        EXECUTE format('GRANT EXECUTE ON FUNCTION readable_json(BYTEA) TO %I', reporting);
    END IF;
END
$$;
