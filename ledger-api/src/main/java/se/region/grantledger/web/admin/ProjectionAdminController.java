package se.region.grantledger.web.admin;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import se.region.grantledger.infrastructure.axon.ProjectionRebuild;
import se.region.grantledger.infrastructure.axon.ProjectionRebuild.Progress;

/** Operations: rebuild every projection from the event store, and follow its progress. */
@RestController
@RequestMapping("/api/admin/projections")
@Tag(name = "Operations")
class ProjectionAdminController {

    private final ProjectionRebuild rebuild;

    ProjectionAdminController(ProjectionRebuild rebuild) {
        this.rebuild = rebuild;
    }

    @PostMapping("/rebuild")
    @Operation(summary = "Rebuild every projection from the event store (ADMIN); answers at once with the progress")
    ResponseEntity<Progress> rebuild() {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(rebuild.start());
    }

    @GetMapping
    @Operation(summary = "Whether a rebuild runs, and each processor's position against the newest event")
    Progress progress() {
        return rebuild.progress();
    }
}
