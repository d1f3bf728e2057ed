package se.region.grantledger.web.imports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import se.region.grantledger.core.rules.InvalidValue;
import se.region.grantledger.core.rules.NotAllowed;
import se.region.grantledger.infrastructure.Sha256;
import se.region.grantledger.web.NotFound;
import se.region.grantledger.web.imports.ImportRunner.Provenance;
import se.region.grantledger.web.imports.ImportSheets.Upload;

import java.time.Instant;
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

    private final ImportRunner runner;
    private final ImportStore store;
    private final ObjectMapper json;
    private final ExecutorService background = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "import-runner");
        thread.setDaemon(true);
        return thread;
    });
    private final Set<String> running = ConcurrentHashMap.newKeySet();

    Imports(ImportRunner runner, ImportStore store, ObjectMapper json) {
        this.runner = runner;
        this.store = store;
        this.json = json;
    }

    /** Stores the upload with its dry run; nothing of the books changes. */
    ImportStore.Batch upload(List<Upload> files, String uploader) {
        byte[] workbook = ImportSheets.workbookOf(files);
        List<ImportStep> steps = runner.steps(workbook);
        String importId = UUID.randomUUID().toString();
        String fileName = files.size() == 1 ? files.get(0).fileName()
                : String.join(", ", files.stream().map(Upload::fileName).toList());
        List<ImportOutcome> dryRun = runner.dryRun(new Provenance(importId, fileName), steps, uploader, workbook);
        List<ImportOutcome> refused = dryRun.stream().filter(o -> o.result() == ImportOutcome.Result.REFUSED).toList();
        ImportStore.DryRunCounts counts = new ImportStore.DryRunCounts(count(dryRun, ImportOutcome.Result.CREATED),
                count(dryRun, ImportOutcome.Result.ALREADY_IMPORTED), refused.size());
        store.add(importId, fileName, workbook, Sha256.hex(Sha256.digest().digest(workbook)), uploader, Instant.now(),
                steps.size(), counts, write(dryRun), write(refused));
        log.info("Import {} ({}) uploaded by {}: {} rows, {} would be refused", importId, fileName, uploader,
                steps.size(), refused.size());
        return store.find(importId).orElseThrow();
    }

    /** Another person than the uploader confirms; the run starts at once, in the background. */
    ImportStore.Batch confirm(String importId, String confirmer) {
        ImportStore.Batch batch = find(importId);
        if (batch.uploadedBy().equals(confirmer)) {
            throw new NotAllowed("import-confirmer-is-uploader", "an import is confirmed by another person than "
                    + batch.uploadedBy() + ", who uploaded it");
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

    /** Every row's dry-run outcome. */
    List<ImportOutcome> dryRun(String importId) {
        return outcomes(store.dryRun(importId));
    }

    /** The rows the dry run refused. */
    List<ImportOutcome> dryRunRefusals(ImportStore.Batch batch) {
        return outcomes(batch.dryRunRefusals());
    }

    private List<ImportOutcome> outcomes(String stored) {
        try {
            return json.readValue(stored, new TypeReference<>() {
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored dry run is unreadable", e);
        }
    }

    private static int count(List<ImportOutcome> outcomes, ImportOutcome.Result result) {
        return (int) outcomes.stream().filter(outcome -> outcome.result() == result).count();
    }

    List<Map<String, Object>> runRefusals(String importId) {
        return store.refusals(importId).stream().map(this::read).toList();
    }

    /** The uploaded workbook with a comment beside every row: what the dry run found. */
    byte[] commentedWorkbook(ImportStore.Batch batch) {
        Map<String, Map<Integer, String>> comments = new LinkedHashMap<>();
        for (ImportOutcome outcome : dryRun(batch.importId())) {
            comments.computeIfAbsent(outcome.sheet(), sheet -> new LinkedHashMap<>()).put(outcome.row(), outcome.comment());
        }
        return ImportSheets.withComments(store.workbook(batch.importId()), comments);
    }

    @EventListener(ApplicationReadyEvent.class)
    void goOnWithUnfinishedRuns() {
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

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
