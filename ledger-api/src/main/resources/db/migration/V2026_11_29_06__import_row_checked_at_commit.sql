-- A row's mark (import_row) names its import. Checked at each insert, the reference locked the import's row in
-- import_batch once for every savepoint that wrote a mark, and PostgreSQL records a row locked by many
-- subtransactions of one transaction as a multixact of them all, made anew each time: a dry run of 100 000 projects
-- (one transaction, thousands of savepoints) slowed from 480 to 130 rows a second by its 70 000th row. Checked at
-- commit instead, the reference is as sure, a batch of the confirmed run checks it once per row at its end, and the
-- dry run, which never commits, not at all.
ALTER TABLE import_row DROP CONSTRAINT import_row_import_id_fkey;
ALTER TABLE import_row ADD CONSTRAINT import_row_import_id_fkey FOREIGN KEY (import_id)
    REFERENCES import_batch (import_id) DEFERRABLE INITIALLY DEFERRED;
