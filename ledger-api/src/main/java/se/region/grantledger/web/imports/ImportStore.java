package se.region.grantledger.web.imports;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import se.region.grantledger.web.imports.ImportSheets.ImportRow;

import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The imports' own tables (V2026_11_29_03, _05): uploads, their rows staged in the order they run, each row's
 * dry-run outcome, rows imported, rows refused.
 */
@Component
class ImportStore {

    /** An upload and how far its import has come; its workbook and whole dry run are read apart, being large. */
    record Batch(String importId, String fileName, String workbookSha256, String uploadedBy, Instant uploadedAt,
                 String status, int rowsTotal, DryRunCounts dryRun, String dryRunRefusals, String confirmedBy,
                 Instant confirmedAt, Instant startedAt, Instant finishedAt, int imported, int skipped, int refused) {
    }

    /** The dry run's count of rows by what would become of them. */
    record DryRunCounts(int wouldCreate, int alreadyImported, int wouldBeRefused) {
    }

    /** A row already imported: by which import and row, and the id it made, if it made one (a frame's makes none). */
    record Imported(String importId, String sheet, int rowNumber, String createdId) {
    }

    /** A staged row and its place in the order of the books. */
    record Staged(int step, ImportRow row) {
    }

    /** Being read and dry run; an upload the service stopped in the middle of stays so, and is uploaded again. */
    static final String VALIDATING = "VALIDATING";
    static final String VALIDATED = "VALIDATED";
    static final String CONFIRMED = "CONFIRMED";
    static final String DONE = "DONE";

    private final JdbcTemplate jdbc;
    /** Cells and outcomes as JSON in plain ASCII: whatever a cell holds, PostgreSQL's text takes it. */
    private final ObjectMapper json;

    ImportStore(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json.copy().enable(JsonGenerator.Feature.ESCAPE_NON_ASCII);
    }

    /** The upload, before it is read: its rows and its dry run follow. */
    void add(String importId, String fileName, byte[] workbook, String sha256, String uploadedBy, Instant uploadedAt) {
        jdbc.update("""
                INSERT INTO import_batch (import_id, file_name, workbook, workbook_sha256, uploaded_by, uploaded_at,
                    status, rows_total, would_create, already_imported, would_be_refused, dry_run, dry_run_refusals)
                VALUES (?, ?, ?, ?, ?, ?, ?, 0, 0, 0, 0, '[]'::jsonb, '[]'::jsonb)""",
                importId, fileName, workbook, sha256, uploadedBy, Timestamp.from(uploadedAt), VALIDATING);
    }

    void stage(String importId, List<ImportRow> rows) {
        jdbc.batchUpdate("""
                INSERT INTO import_staged_row (import_id, sheet, row_number, phase, sort_date, rank, group_key, cells)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", rows, rows.size(), (statement, row) -> {
            ImportPlan.Place place = ImportPlan.place(row);
            statement.setString(1, importId);
            statement.setString(2, row.sheet());
            statement.setInt(3, row.number());
            statement.setObject(4, place.phase(), Types.INTEGER);
            statement.setObject(5, place.sortDate(), Types.DATE);
            statement.setObject(6, place.rank(), Types.INTEGER);
            statement.setString(7, place.groupKey() == null ? null : write(place.groupKey()));
            statement.setString(8, write(row.cells()));
        });
    }

    /** Numbers the staged rows in the order of the books; returns how many run (plan lines run with decisions). */
    int numberSteps(String importId) {
        // Fresh statistics, or the planner, knowing nothing of the rows just staged, reads every one of them for each
        // page of fifty: a dry run of 10 000 projects took 220 s instead of 100.
        jdbc.execute("ANALYZE import_staged_row");
        return jdbc.update("""
                UPDATE import_staged_row s SET step = ordered.step
                FROM (SELECT sheet, row_number, row_number() OVER (ORDER BY phase, sort_date NULLS LAST, rank, sheet,
                          row_number) AS step
                      FROM import_staged_row WHERE import_id = ? AND phase IS NOT NULL) ordered
                WHERE s.import_id = ? AND s.sheet = ordered.sheet AND s.row_number = ordered.row_number""",
                importId, importId);
    }

    /** The next rows to run after the given step, in order. */
    List<Staged> steps(String importId, int afterStep, int limit) {
        return jdbc.query("""
                SELECT step, sheet, row_number, cells FROM import_staged_row
                WHERE import_id = ? AND step > ? ORDER BY step LIMIT ?""",
                (row, n) -> new Staged(row.getInt("step"), new ImportRow(row.getString("sheet"),
                        row.getInt("row_number"), cells(row.getString("cells")))), importId, afterStep, limit);
    }

    /** The plan lines of a decision, in the order of their rows. */
    List<ImportRow> planLines(String importId, String decisionKey) {
        return jdbc.query("""
                SELECT sheet, row_number, cells FROM import_staged_row WHERE import_id = ? AND group_key = ?
                ORDER BY row_number""",
                (row, n) -> new ImportRow(row.getString("sheet"), row.getInt("row_number"),
                        cells(row.getString("cells"))), importId, write(decisionKey));
    }

    /** Dry-run outcomes, written beside the dry run's own transaction (which is rolled back). */
    void dryRunOutcomes(String importId, List<Map.Entry<Integer, ImportOutcome>> outcomes) {
        jdbc.batchUpdate("INSERT INTO import_dry_run_row (import_id, step, outcome, refused) VALUES (?, ?, ?, ?)",
                outcomes, outcomes.size(), (statement, outcome) -> {
                    statement.setString(1, importId);
                    statement.setInt(2, outcome.getKey());
                    statement.setString(3, write(outcome.getValue()));
                    statement.setBoolean(4, outcome.getValue().result() == ImportOutcome.Result.REFUSED);
                });
    }

    /** The rows are staged: so many run. */
    void staged(String importId, int rowsTotal) {
        jdbc.update("UPDATE import_batch SET rows_total = ? WHERE import_id = ?", rowsTotal, importId);
    }

    /** The dry run counted a page of rows more: its progress. */
    void dryRunCounted(String importId, DryRunCounts page) {
        jdbc.update("""
                UPDATE import_batch SET would_create = would_create + ?, already_imported = already_imported + ?,
                    would_be_refused = would_be_refused + ? WHERE import_id = ?""", page.wouldCreate(),
                page.alreadyImported(), page.wouldBeRefused(), importId);
    }

    void validated(String importId) {
        jdbc.update("UPDATE import_batch SET status = ? WHERE import_id = ? AND status = ?", VALIDATED, importId,
                VALIDATING);
    }

    /** Uploads whose dry run the service stopped in the middle of. */
    List<String> validating() {
        return jdbc.queryForList("SELECT import_id FROM import_batch WHERE status = ? ORDER BY uploaded_at",
                String.class, VALIDATING);
    }

    /** A dry run begins (again): no outcome, no count. */
    void dryRunStarts(String importId) {
        jdbc.update("DELETE FROM import_dry_run_row WHERE import_id = ?", importId);
        jdbc.update("UPDATE import_batch SET would_create = 0, already_imported = 0, would_be_refused = 0"
                + " WHERE import_id = ?", importId);
    }

    /** The dry run's outcomes from a step on, refused ones only if asked; empty for uploads before the table. */
    List<ImportOutcome> dryRunRows(String importId, boolean refusedOnly, int fromStep, int limit) {
        return jdbc.query("SELECT outcome FROM import_dry_run_row WHERE import_id = ? AND step >= ?"
                        + (refusedOnly ? " AND refused" : "") + " ORDER BY step LIMIT ?",
                (row, n) -> read(row.getString("outcome"), ImportOutcome.class), importId, fromStep, limit);
    }

    boolean hasDryRunRows(String importId) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM import_dry_run_row WHERE import_id = ?)", Boolean.class, importId));
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private <T> T read(String stored, Class<T> type) {
        try {
            return json.readValue(stored, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored import row is unreadable", e);
        }
    }

    private Map<String, String> cells(String stored) {
        try {
            return json.readValue(stored, new TypeReference<LinkedHashMap<String, String>>() {
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a staged row is unreadable", e);
        }
    }

    Optional<Batch> find(String importId) {
        return jdbc.query("""
                SELECT import_id, file_name, workbook_sha256, uploaded_by, uploaded_at, status, rows_total, would_create,
                    already_imported, would_be_refused, dry_run_refusals::text AS refusals, confirmed_by, confirmed_at,
                    started_at, finished_at, rows_imported, rows_skipped, rows_refused
                FROM import_batch WHERE import_id = ?""",
                (row, n) -> new Batch(row.getString("import_id"), row.getString("file_name"),
                        row.getString("workbook_sha256"), row.getString("uploaded_by"),
                        instant(row.getTimestamp("uploaded_at")), row.getString("status"), row.getInt("rows_total"),
                        new DryRunCounts(row.getInt("would_create"), row.getInt("already_imported"),
                                row.getInt("would_be_refused")), row.getString("refusals"),
                        row.getString("confirmed_by"), instant(row.getTimestamp("confirmed_at")),
                        instant(row.getTimestamp("started_at")), instant(row.getTimestamp("finished_at")),
                        row.getInt("rows_imported"), row.getInt("rows_skipped"), row.getInt("rows_refused")),
                importId).stream().findFirst();
    }

    byte[] workbook(String importId) {
        return jdbc.queryForObject("SELECT workbook FROM import_batch WHERE import_id = ?", byte[].class, importId);
    }

    /** Every row's dry-run outcome, as JSON. */
    String dryRun(String importId) {
        return jdbc.queryForObject("SELECT dry_run::text FROM import_batch WHERE import_id = ?", String.class, importId);
    }

    /** @return whether this person confirmed it now: it was uploaded by someone else and not confirmed before */
    boolean confirm(String importId, String confirmedBy, Instant at) {
        return jdbc.update("""
                UPDATE import_batch SET status = ?, confirmed_by = ?, confirmed_at = ?
                WHERE import_id = ? AND status = ? AND uploaded_by <> ?""",
                CONFIRMED, confirmedBy, Timestamp.from(at), importId, VALIDATED, confirmedBy) == 1;
    }

    /** The run starts, or starts again after a stop: it counts every row afresh, those it did before included. */
    void started(String importId, Instant at) {
        jdbc.update("""
                UPDATE import_batch SET started_at = COALESCE(started_at, ?), rows_imported = 0, rows_skipped = 0,
                    rows_refused = 0 WHERE import_id = ?""", Timestamp.from(at), importId);
    }

    void counted(String importId, int imported, int skipped, int refused) {
        jdbc.update("""
                UPDATE import_batch SET rows_imported = rows_imported + ?, rows_skipped = rows_skipped + ?,
                    rows_refused = rows_refused + ? WHERE import_id = ?""", imported, skipped, refused, importId);
    }

    void finished(String importId, Instant at) {
        jdbc.update("UPDATE import_batch SET status = ?, finished_at = ? WHERE import_id = ?", DONE, Timestamp.from(at),
                importId);
    }

    /** Confirmed and not finished: a run the service stopped in the middle of, to go on with. */
    List<String> unfinished() {
        return jdbc.queryForList("SELECT import_id FROM import_batch WHERE status = ? ORDER BY confirmed_at",
                String.class, CONFIRMED);
    }

    Optional<Imported> imported(String rowKey) {
        return jdbc.query("SELECT import_id, sheet, row_number, created_id FROM import_row WHERE row_key = ?",
                (row, n) -> new Imported(row.getString("import_id"), row.getString("sheet"), row.getInt("row_number"),
                        row.getString("created_id")), rowKey).stream().findFirst();
    }

    void markImported(String rowKey, String importId, String sheet, int rowNumber, String createdId, Instant at) {
        jdbc.update("""
                INSERT INTO import_row (row_key, import_id, sheet, row_number, created_id, imported_at)
                VALUES (?, ?, ?, ?, ?, ?)""", rowKey, importId, sheet, rowNumber, createdId, Timestamp.from(at));
    }

    void refused(String importId, String sheet, int rowNumber, String refusalJson) {
        jdbc.update("""
                INSERT INTO import_refusal (import_id, sheet, row_number, refusal) VALUES (?, ?, ?, ?::jsonb)
                ON CONFLICT (import_id, sheet, row_number) DO UPDATE SET refusal = excluded.refusal""",
                importId, sheet, rowNumber, refusalJson);
    }

    /** The refusals of the confirmed run, in sheet and row order, as JSON. */
    List<String> refusals(String importId) {
        return jdbc.queryForList("""
                SELECT refusal::text FROM import_refusal WHERE import_id = ? ORDER BY sheet, row_number""",
                String.class, importId);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
