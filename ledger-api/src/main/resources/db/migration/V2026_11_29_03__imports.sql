-- Imports of a region's earlier books (docs/import.md). An upload is kept as stored, with what its dry run found;
-- another person confirms it; then each row becomes the ordinary commands, and the row's natural key is written in
-- the same transaction as its events, so that a row is imported once, whichever import brings it and however often
-- the service stops on the way.
CREATE TABLE import_batch (
    import_id      TEXT PRIMARY KEY,
    file_name      TEXT        NOT NULL,
    workbook       BYTEA       NOT NULL,  -- the upload as an .xlsx workbook (CSV files become its sheets)
    workbook_sha256 TEXT       NOT NULL,
    uploaded_by    TEXT        NOT NULL,
    uploaded_at    TIMESTAMPTZ NOT NULL,
    status         TEXT        NOT NULL,  -- VALIDATED | CONFIRMED | DONE
    dry_run        JSONB       NOT NULL,  -- per row: what would be created, or why it would be refused
    rows_total     INTEGER     NOT NULL,
    would_create   INTEGER     NOT NULL,  -- the dry run's count of rows by outcome
    already_imported INTEGER   NOT NULL,
    would_be_refused INTEGER   NOT NULL,
    dry_run_refusals JSONB     NOT NULL,  -- the dry run's refused rows alone, which GET /api/imports/{id} shows
    confirmed_by   TEXT,
    confirmed_at   TIMESTAMPTZ,
    started_at     TIMESTAMPTZ,
    finished_at    TIMESTAMPTZ,
    rows_imported  INTEGER     NOT NULL DEFAULT 0,
    rows_skipped   INTEGER     NOT NULL DEFAULT 0,  -- already imported, by this import or an earlier one
    rows_refused   INTEGER     NOT NULL DEFAULT 0
);

-- A row imported: its natural key (e.g. project:RV190046), once for all imports, and the id it made.
CREATE TABLE import_row (
    row_key     TEXT PRIMARY KEY,
    import_id   TEXT        NOT NULL REFERENCES import_batch (import_id),
    sheet       TEXT        NOT NULL,
    row_number  INTEGER     NOT NULL,
    created_id  TEXT,
    imported_at TIMESTAMPTZ NOT NULL
);

-- A row the confirmed run refused, with the rule or conflict and its figures.
CREATE TABLE import_refusal (
    import_id  TEXT    NOT NULL REFERENCES import_batch (import_id),
    sheet      TEXT    NOT NULL,
    row_number INTEGER NOT NULL,
    refusal    JSONB   NOT NULL,
    PRIMARY KEY (import_id, sheet, row_number)
);
