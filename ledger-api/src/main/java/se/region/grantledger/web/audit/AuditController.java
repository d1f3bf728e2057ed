package se.region.grantledger.web.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import se.region.grantledger.infrastructure.audit.ChainVerifier;
import se.region.grantledger.infrastructure.audit.ChainVerifier.Verification;
import se.region.grantledger.infrastructure.audit.EventExport;

import java.time.Instant;
import se.region.grantledger.web.RecordedTime;

/** For auditors: verify the hash chains of the whole history, and export it. */
@RestController
@RequestMapping("/api/audit")
@Tag(name = "Audit")
class AuditController {

    private final ChainVerifier verifier;
    private final EventExport export;

    AuditController(ChainVerifier verifier, EventExport export) {
        this.verifier = verifier;
        this.export = export;
    }

    @GetMapping("/verify")
    @Operation(summary = "Recompute every stream's hash chain from the stored bytes; name the first broken link")
    Verification verify() {
        return verifier.verify();
    }

    @GetMapping(value = "/export", produces = "application/x-ndjson")
    @Operation(summary = "The history of all streams in global order as JSON lines, recorded in [from, to)")
    ResponseEntity<StreamingResponseBody> export(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to) {
        Instant start = RecordedTime.clamp(from);
        Instant end = RecordedTime.clamp(to);
        StreamingResponseBody body = out -> export.write(start, end, out);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/x-ndjson")).body(body);
    }
}
