package se.region.grantledger.web.imports;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The imports' own tables (V2026_11_29_03): uploads with their dry runs, rows imported, rows refused. */
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

    /** A row already imported: by which import, and the id it made, if it made one (a frame's row makes none). */
    record Imported(String importId, String createdId) {
    }

    static final String VALIDATED = "VALIDATED";
    static final String CONFIRMED = "CONFIRMED";
    static final String DONE = "DONE";

    private final JdbcTemplate jdbc;

    ImportStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void add(String importId, String fileName, byte[] workbook, String sha256, String uploadedBy, Instant uploadedAt,
             int rowsTotal, DryRunCounts counts, String dryRun, String dryRunRefusals) {
        jdbc.update("""
                INSERT INTO import_batch (import_id, file_name, workbook, workbook_sha256, uploaded_by, uploaded_at,
                    status, rows_total, would_create, already_imported, would_be_refused, dry_run, dry_run_refusals)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb)""",
                importId, fileName, workbook, sha256, uploadedBy, Timestamp.from(uploadedAt), VALIDATED, rowsTotal,
                counts.wouldCreate(), counts.alreadyImported(), counts.wouldBeRefused(), dryRun, dryRunRefusals);
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
        return jdbc.query("SELECT import_id, created_id FROM import_row WHERE row_key = ?",
                (row, n) -> new Imported(row.getString("import_id"), row.getString("created_id")), rowKey).stream()
                .findFirst();
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
