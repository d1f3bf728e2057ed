-- An import's dry run records its rows as the real run would, in a transaction that is rolled back (ADR 0018). Its
-- events used to take global_index values from the event store's sequence, which a rollback does not give back:
-- every tracking processor then saw each lost value as a gap a slow transaction might still fill, and kept it in
-- its token until it timed out (five million of them after a dry run of 1 000 projects, 200 MB of heap).
-- A dry run now says so for its transaction (SET LOCAL ledger.dry_run = 'on') and its events take negative
-- numbers from a sequence of their own that no processor reads; every other append is as before.
CREATE SEQUENCE dry_run_global_index_seq INCREMENT BY -1 MINVALUE -9223372036854775807 MAXVALUE -1 START WITH -1
    CACHE 1 NO CYCLE;

CREATE FUNCTION next_global_index() RETURNS BIGINT LANGUAGE sql VOLATILE AS
$$
SELECT CASE WHEN current_setting('ledger.dry_run', true) = 'on' THEN nextval('dry_run_global_index_seq')
            ELSE nextval('domain_event_entry_global_index_seq') END
$$;

ALTER TABLE domain_event_entry ALTER COLUMN global_index SET DEFAULT next_global_index();
