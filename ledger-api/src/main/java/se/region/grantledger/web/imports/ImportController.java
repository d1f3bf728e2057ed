package se.region.grantledger.web.imports;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import se.region.grantledger.core.rules.InvalidValue;
import org.springframework.web.multipart.MultipartFile;
import se.region.grantledger.web.imports.ImportSheets.Upload;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Bringing a region's earlier books in (docs/import.md): upload a workbook (or CSV files) of the template, read
 * the dry run, have another person confirm, follow the progress.
 */
@RestController
@RequestMapping("/api/imports")
@Tag(name = "Imports")
class ImportController {

    static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final Imports imports;

    ImportController(Imports imports) {
        this.imports = imports;
    }

    /** The confirmed run's progress: rows done by outcome, rows left, and rows a second since it started. */
    record Progress(int imported, int alreadyImported, int refused, int remaining, Double rowsPerSecond,
                    Instant startedAt, Instant finishedAt) {
    }

    record ImportView(String importId, String fileName, String uploadedBy, Instant uploadedAt, String status,
                      String confirmedBy, Instant confirmedAt, int rows, ImportStore.DryRunCounts dryRun, Progress progress,
                      List<ImportOutcome> dryRunRefusals, List<Map<String, Object>> runRefusals) {
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Upload earlier books (an .xlsx workbook, or CSV files, of the template) and get the dry run:"
            + " per row what would be created or why it would be refused; nothing is recorded until another person"
            + " confirms (IMPORTER or ADMIN). 201 with the dry run; above 5 000 rows 202, the dry run going on in the"
            + " background (status VALIDATING)")
    ResponseEntity<ImportView> upload(@RequestParam("file") List<MultipartFile> files, Authentication user)
            throws IOException {
        List<Upload> uploads = new ArrayList<>();
        for (MultipartFile file : files) {
            String name = file.getOriginalFilename() == null || file.getOriginalFilename().isBlank() ? "upload"
                    : file.getOriginalFilename();
            uploads.add(new Upload(name, file.getBytes()));
        }
        ImportStore.Batch batch = imports.upload(uploads, user.getName());
        URI location = URI.create("/api/imports/" + batch.importId());
        // 201 with the dry run; 202 while a large upload's dry run goes on in the background.
        return ImportStore.VALIDATING.equals(batch.status()) ? ResponseEntity.accepted().location(location).body(view(batch))
                : ResponseEntity.created(location).body(view(batch));
    }

    @GetMapping("/{importId}")
    @Operation(summary = "An import: its dry run's counts and refusals, whether it is confirmed, and its progress")
    ImportView get(@PathVariable String importId) {
        return view(imports.find(importId));
    }

    @GetMapping("/{importId}/dry-run")
    @Operation(summary = "Every row's dry-run outcome as JSON in the order the rows run, a page of at most 10 000 at a"
            + " time, or (Accept: the xlsx type; uploads of up to 20 000 rows) the uploaded workbook with a comment"
            + " column in Swedish and English")
    ResponseEntity<?> dryRun(@PathVariable String importId,
                             @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept,
                             @RequestParam(defaultValue = "0") int page,
                             @RequestParam(defaultValue = "10000") int size) {
        ImportStore.Batch batch = imports.find(importId);
        if (accept != null && accept.contains(XLSX.toString())) {
            return ResponseEntity.ok().contentType(XLSX)
                    .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"import-" + importId + "-dry-run.xlsx\"")
                    .body(imports.commentedWorkbook(batch));
        }
        if (page < 0 || size < 1 || size > 10_000) {
            throw new InvalidValue("invalid-page", "page is 0 or more and size 1 to 10000: page " + page + ", size "
                    + size);
        }
        return ResponseEntity.ok(imports.dryRun(batch.importId(), page, size));
    }

    @PostMapping("/{importId}/confirmation")
    @Operation(summary = "Confirm another person's upload: its rows are recorded in the background as the ordinary"
            + " commands, each row once (IMPORTER or ADMIN; not the uploader)")
    ResponseEntity<ImportView> confirm(@PathVariable String importId, Authentication user) {
        return ResponseEntity.accepted().body(view(imports.confirm(importId, user.getName())));
    }

    private ImportView view(ImportStore.Batch batch) {
        int done = batch.imported() + batch.skipped() + batch.refused();
        Double rate = null;
        if (batch.startedAt() != null && done > 0) {
            Instant until = batch.finishedAt() != null ? batch.finishedAt() : Instant.now();
            rate = Math.round(done / Math.max(Duration.between(batch.startedAt(), until).toMillis() / 1000.0, 0.001)
                    * 10) / 10.0;
        }
        Progress progress = new Progress(batch.imported(), batch.skipped(), batch.refused(),
                batch.confirmedBy() == null ? batch.rowsTotal() : batch.rowsTotal() - done, rate, batch.startedAt(),
                batch.finishedAt());
        return new ImportView(batch.importId(), batch.fileName(), batch.uploadedBy(), batch.uploadedAt(),
                batch.status(), batch.confirmedBy(), batch.confirmedAt(), batch.rowsTotal(), batch.dryRun(), progress,
                imports.dryRunRefusals(batch), imports.runRefusals(batch.importId()));
    }
}
