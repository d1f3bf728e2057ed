package se.region.grantledger.web.admin;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import se.region.grantledger.infrastructure.projections.DeadLetters;
import se.region.grantledger.infrastructure.projections.DeadLetters.Letter;
import se.region.grantledger.infrastructure.projections.DeadLetters.RetryResult;
import se.region.grantledger.web.NotFound;

import java.util.List;

/** Operations: events a projection could not apply, to list, retry after a fix, or skip (docs/reliability.md). */
@RestController
@RequestMapping("/api/admin/dead-letters")
@Tag(name = "Operations")
class DeadLetterAdminController {

    private final DeadLetters deadLetters;

    DeadLetterAdminController(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @GetMapping
    @Operation(summary = "Every event waiting in a processor's dead-letter queue, with why it failed (ADMIN, AUDITOR)")
    List<Letter> list() {
        return deadLetters.list();
    }

    @PostMapping("/{processor}/retry")
    @Operation(summary = "Apply the processor's dead letters again; those that fail again stay (ADMIN)")
    RetryResult retry(@PathVariable String processor) {
        try {
            return deadLetters.retry(processor);
        } catch (DeadLetters.UnknownProcessor unknown) {
            throw new NotFound("processor with a dead-letter queue named " + processor);
        }
    }

    @PostMapping("/{deadLetterId}/skip")
    @Operation(summary = "Take one dead letter out without applying it, then retry those behind it (ADMIN);"
            + " the event stays in the event store")
    Letter skip(@PathVariable String deadLetterId) {
        return deadLetters.skip(deadLetterId).orElseThrow(() -> new NotFound("dead letter " + deadLetterId));
    }
}
