-- Imports of a hundred thousand projects (docs/import.md, "At scale"): the rows of an upload are read from the
-- workbook as a stream and staged here, in the order they will run, so neither the dry run nor the confirmed run
-- holds the whole workbook, its rows or its outcomes in the service's memory.
CREATE TABLE import_staged_row (
    import_id  TEXT    NOT NULL REFERENCES import_batch (import_id),
    sheet      TEXT    NOT NULL,
    row_number INTEGER NOT NULL,
    -- the order of the books (ImportPlan.place): registers and cases first, then every dated fact by its business date
    phase      INTEGER,          -- null for plan lines, which are read with their decision
    sort_date  DATE,
    rank       INTEGER,
    step       INTEGER,          -- the row's place in that order, 1 to rows_total, set when the upload is staged
    group_key  TEXT,             -- plan lines: the decision they belong to (diary:decision number)
    -- column name -> the cell as text, as JSON with every non-ASCII character escaped: a cell may hold anything,
    -- a NUL or half a surrogate pair included, which neither text nor jsonb would take
    cells      TEXT    NOT NULL,
    PRIMARY KEY (import_id, sheet, row_number)
);
CREATE UNIQUE INDEX import_staged_row_step_idx ON import_staged_row (import_id, step) WHERE step IS NOT NULL;
CREATE INDEX import_staged_row_plan_idx ON import_staged_row (import_id, group_key) WHERE group_key IS NOT NULL;

-- Each row's dry-run outcome, written beside the dry run (whose own transaction is rolled back). Uploads from
-- before this table keep theirs in import_batch.dry_run.
CREATE TABLE import_dry_run_row (
    import_id  TEXT    NOT NULL REFERENCES import_batch (import_id),
    step       INTEGER NOT NULL,
    outcome    TEXT    NOT NULL, -- JSON, escaped as the cells are
    refused    BOOLEAN NOT NULL,
    PRIMARY KEY (import_id, step)
);
CREATE INDEX import_dry_run_row_refused_idx ON import_dry_run_row (import_id, step) WHERE refused;
