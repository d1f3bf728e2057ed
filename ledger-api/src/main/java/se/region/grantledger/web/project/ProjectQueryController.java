package se.region.grantledger.web.project;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import se.region.grantledger.core.api.StreamType;
import se.region.grantledger.core.model.Municipality;
import se.region.grantledger.core.model.ProjectStatus;
import se.region.grantledger.infrastructure.audit.AsOfReads;
import se.region.grantledger.projections.ReadTime;
import se.region.grantledger.projections.project.ProjectFilter;
import se.region.grantledger.projections.project.ProjectStatusQueries;
import se.region.grantledger.projections.project.ProjectStatusRow;
import se.region.grantledger.web.EventStreams;
import se.region.grantledger.web.EventView;
import se.region.grantledger.web.IfMatch;
import se.region.grantledger.web.NotFound;
import se.region.grantledger.web.PageView;
import se.region.grantledger.web.RecordedTime;

import java.time.Instant;
import java.util.List;

/** Reads: a project's status, the filtered list, and a project's full event stream. */
@RestController
@RequestMapping("/api/projects")
@Validated
@Tag(name = "Projects: reads")
class ProjectQueryController {

    private final ProjectStatusQueries queries;
    private final EventStreams streams;
    private final AsOfReads asOf;

    ProjectQueryController(ProjectStatusQueries queries, EventStreams streams, AsOfReads asOf) {
        this.queries = queries;
        this.streams = streams;
        this.asOf = asOf;
    }

    @GetMapping("/{projectId}")
    @Operation(summary = "A project's status: decided, plan, requisitioned, approved, paid, recovered, remaining;"
            + " with validAt, at that business date; with knownAt (or its older name asOf), as the ledger knew it then")
    ResponseEntity<ProjectView> get(@PathVariable String projectId, @RequestParam(required = false) String validAt,
                                    @RequestParam(required = false) String knownAt,
                                    @RequestParam(required = false) String asOf) {
        ReadTime time = RecordedTime.readTime(validAt, knownAt, asOf);
        if (!time.isNow()) {
            return ResponseEntity.ok(this.asOf.project(time, projectId,
                            () -> queries.find(projectId).map(ProjectView::of))
                    .orElseThrow(() -> new NotFound("project " + projectId + " " + time)));
        }
        ProjectView view = queries.find(projectId).map(ProjectView::of).orElseThrow(() -> new NotFound("project " + projectId));
        return ResponseEntity.ok().eTag(IfMatch.etag(view.version())).body(view);
    }

    @GetMapping
    @Operation(summary = "Projects, filtered by status, decision year and municipality (SCB code), a page at a time")
    PageView<ProjectView> list(@RequestParam(required = false) ProjectStatus status,
                               @RequestParam(required = false) Integer decisionYear,
                               @RequestParam(required = false) String municipality,
                               @RequestParam(defaultValue = "0") @Min(0) int page,
                               @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
        String scbCode = municipality == null ? null : Municipality.ofScbCode(municipality).scbCode();
        Page<ProjectStatusRow> rows = queries.list(new ProjectFilter(status, decisionYear, scbCode),
                PageRequest.of(page, size, Sort.by("diaryNumber")));
        return new PageView<>(rows.map(ProjectView::of).getContent(), page, size, rows.getTotalElements(),
                rows.getTotalPages());
    }

    @GetMapping("/{projectId}/events")
    @Operation(summary = "The project's event stream, oldest first, with recorded time, payload and metadata")
    List<EventView> events(@PathVariable String projectId) {
        return streams.of(StreamType.PROJECT, projectId, "project");
    }
}
