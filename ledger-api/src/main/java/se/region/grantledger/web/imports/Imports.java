package se.region.grantledger.web.imports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import se.region.grantledger.core.rules.InvalidValue;
import se.region.grantledger.core.rules.NotAllowed;
import se.region.grantledger.infrastructure.Sha256;
import se.region.grantledger.web.NotFound;
import se.region.grantledger.web.imports.ImportRunner.Provenance;
import se.region.grantledger.web.imports.ImportSheets.ImportRow;
import se.region.grantledger.web.imports.ImportSheets.Upload;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Imports of earlier books, four-eyes (docs/import.md): one person uploads, and learns from the dry run, row by
 * row, what would be created and what would be refused; another confirms, and the rows are recorded in the
 * background, one transaction each. A run the service stopped in the middle of goes on when it starts again.
 */
@Component
class Imports {

    private static final Logger log = LoggerFactory.getLogger(Imports.class);

    /** Uploads of up to so many rows have their dry run in the answer (about fifteen seconds at most). */
    static final int DRY_RUN_IN_THE_ANSWER = 5_000;
    /** Refused rows the import's view shows; the dry run's pages have them all. */
    static final int REFUSALS_SHOWN = 1000;
    /** The commented workbook is built whole in memory (Apache POI), so for uploads up to this size. */
    static final int COMMENTED_ROWS_AT_MOST = 20_000;

    private final ImportRunner runner;
    private final ImportStore store;
    private final ObjectMapper json;
    private final ExecutorService background = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "import-runner");
        thread.setDaemon(true);
        return thread;
    });
    private final ExecutorService dryRuns = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "import-dry-run");
        thread.setDaemon(true);
        return thread;
    });
    private final Set<String> running = ConcurrentHashMap.newKeySet();

    private final TransactionTemplate staging;

    Imports(ImportRunner runner, ImportStore store, ObjectMapper json, PlatformTransactionManager transactions) {
        this.runner = runner;
        this.store = store;
        this.json = json;
        this.staging = new TransactionTemplate(transactions);
    }

    /**
     * Stores the upload with its rows staged in the order they will run, then its dry run; nothing of the books
     * changes. A file that is not the template is refused whole, and nothing of it stays. The dry run of a small
     * upload is in the answer; a large one's runs in the background (its status says VALIDATING until it is done),
     * so no request waits minutes.
     */
    ImportStore.Batch upload(List<Upload> files, String uploader) {
        byte[] workbook = ImportSheets.workbookOf(files);
        String importId = UUID.randomUUID().toString();
        String fileName = files.size() == 1 ? files.get(0).fileName()
                : String.join(", ", files.stream().map(Upload::fileName).toList());
        int rows = staging.execute(status -> {
            store.add(importId, fileName, workbook, Sha256.hex(Sha256.digest().digest(workbook)), uploader,
                    Instant.now());
            Staging staged = new Staging(importId);
            ImportSheets.stream(workbook, staged);
            staged.flush();
            if (staged.rows == 0) {
                throw new InvalidValue("import-empty", "the upload has no rows under the header rows of its sheets");
            }
            int steps = store.numberSteps(importId);
            store.staged(importId, steps);
            return steps;
        });
        log.info("Import {} ({}) uploaded by {}: {} rows staged", importId, fileName, uploader, rows);
        if (rows <= DRY_RUN_IN_THE_ANSWER) {
            dryRun(importId);
        } else {
            dryRuns.submit(() -> dryRun(importId));
        }
        return store.find(importId).orElseThrow();
    }

    private void dryRun(String importId) {
        ImportStore.Batch batch = find(importId);
        try {
            runner.dryRun(new Provenance(importId, batch.fileName()), batch.uploadedBy());
            log.info("Import {}: dry run done, {} of {} rows would be refused", importId,
                    find(importId).dryRun().wouldBeRefused(), batch.rowsTotal());
        } catch (RuntimeException failed) {
            log.error("Import {}: the dry run stopped; it runs again at the next start", importId, failed);
            throw failed;
        }
    }

    /** The rows of a streamed workbook, written to the staging table a thousand at a time. */
    private final class Staging implements ImportSheets.RowSink {

        private static final int AT_A_TIME = 1000;
        private final String importId;
        private final List<ImportRow> pending = new ArrayList<>();
        private int rows;

        Staging(String importId) {
            this.importId = importId;
        }

        @Override
        public void sheet(String name) {
            ImportPlan.checkSheet(name);
        }

        @Override
        public void row(ImportRow row) {
            pending.add(row);
            rows++;
            if (pending.size() == AT_A_TIME) {
                flush();
            }
        }

        void flush() {
            store.stage(importId, pending);
            pending.clear();
        }
    }

    /** Another person than the uploader confirms; the run starts at once, in the background. */
    ImportStore.Batch confirm(String importId, String confirmer) {
        ImportStore.Batch batch = find(importId);
        if (batch.uploadedBy().equals(confirmer)) {
            throw new NotAllowed("import-confirmer-is-uploader", "an import is confirmed by another person than "
                    + batch.uploadedBy() + ", who uploaded it");
        }
        if (ImportStore.VALIDATING.equals(batch.status())) {
            throw new InvalidValue("import-dry-run-running", "the dry run of import " + importId + " is still running"
                    + " (" + (batch.dryRun().wouldCreate() + batch.dryRun().alreadyImported()
                    + batch.dryRun().wouldBeRefused()) + " of " + batch.rowsTotal() + " rows); confirm it when it is"
                    + " done");
        }
        if (!store.confirm(importId, confirmer, Instant.now())) {
            throw new InvalidValue("import-already-confirmed", "import " + importId + " is already "
                    + batch.status().toLowerCase() + (batch.confirmedBy() == null ? "" : " by " + batch.confirmedBy()));
        }
        start(importId);
        return find(importId);
    }

    ImportStore.Batch find(String importId) {
        return store.find(importId).orElseThrow(() -> new NotFound("import " + importId));
    }

    /** Rows' dry-run outcomes in the order they run, a page at a time (uploads before paging: all at once). */
    List<ImportOutcome> dryRun(String importId, int page, int size) {
        if (!store.hasDryRunRows(importId)) {
            return outcomes(store.dryRun(importId));
        }
        return store.dryRunRows(importId, false, page * size + 1, size);
    }

    /** The rows the dry run refused, the first thousand of them. */
    List<ImportOutcome> dryRunRefusals(ImportStore.Batch batch) {
        if (!store.hasDryRunRows(batch.importId())) {
            return outcomes(batch.dryRunRefusals());
        }
        return store.dryRunRows(batch.importId(), true, 0, REFUSALS_SHOWN);
    }

    private List<ImportOutcome> outcomes(String stored) {
        try {
            return json.readValue(stored, new TypeReference<>() {
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored dry run is unreadable", e);
        }
    }

    List<Map<String, Object>> runRefusals(String importId) {
        return store.refusals(importId).stream().map(this::read).toList();
    }

    /** The uploaded workbook with a comment beside every row: what the dry run found. */
    byte[] commentedWorkbook(ImportStore.Batch batch) {
        if (batch.rowsTotal() > COMMENTED_ROWS_AT_MOST) {
            throw new InvalidValue("import-too-large-to-comment", "the commented workbook is made for uploads of at"
                    + " most " + COMMENTED_ROWS_AT_MOST + " rows; this one has " + batch.rowsTotal()
                    + ": read the dry run as JSON, a page at a time (?page=0&size=10000)");
        }
        Map<String, Map<Integer, String>> comments = new LinkedHashMap<>();
        for (ImportOutcome outcome : dryRun(batch.importId(), 0, COMMENTED_ROWS_AT_MOST)) {
            comments.computeIfAbsent(outcome.sheet(), sheet -> new LinkedHashMap<>()).put(outcome.row(), outcome.comment());
        }
        return ImportSheets.withComments(store.workbook(batch.importId()), comments);
    }

    @EventListener(ApplicationReadyEvent.class)
    void goOnWithUnfinishedRuns() {
        for (String importId : store.validating()) {
            log.info("Import {} was in its dry run when the service stopped: running it again", importId);
            dryRuns.submit(() -> dryRun(importId));
        }
        for (String importId : store.unfinished()) {
            log.info("Import {} was confirmed and not finished when the service stopped: going on", importId);
            start(importId);
        }
    }

    private void start(String importId) {
        if (running.add(importId)) {
            background.submit(() -> {
                try {
                    runner.run(importId);
                } catch (RuntimeException failed) {
                    log.error("Import {} stopped; it goes on from its first row not imported at the next start",
                            importId, failed);
                } finally {
                    running.remove(importId);
                }
            });
        }
    }

    private Map<String, Object> read(String stored) {
        try {
            return json.readValue(stored, new TypeReference<>() {
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
