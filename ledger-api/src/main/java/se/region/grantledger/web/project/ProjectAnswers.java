package se.region.grantledger.web.project;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import se.region.grantledger.core.model.AppropriationKey;
import se.region.grantledger.core.model.Fund;
import se.region.grantledger.core.model.SupportType;
import se.region.grantledger.projections.limits.LimitsQueries;
import se.region.grantledger.projections.project.ProjectStatusRow;
import se.region.grantledger.web.IfMatch;
import se.region.grantledger.web.ProjectionWait;
import se.region.grantledger.web.cases.CaseAnswers;

import java.net.URI;
import java.util.Optional;

/**
 * Read-your-writes answers for projects: wait until the project's status row shows the command's events, then
 * answer with it and its version as the ETag; 202 if the read model did not catch up in time.
 */
@Component
class ProjectAnswers implements CaseAnswers {

    private final ProjectionWait projection;
    private final LimitsQueries limits;

    ProjectAnswers(ProjectionWait projection, LimitsQueries limits) {
        this.projection = projection;
        this.limits = limits;
    }

    @Override
    public SupportType type() {
        return SupportType.PROJECT;
    }

    ResponseEntity<ProjectView> registered(String projectId) {
        URI location = URI.create("/api/projects/" + projectId);
        return projection.untilProjected(projectId)
                .map(row -> ResponseEntity.created(location).eTag(IfMatch.etag(row.getVersion())).body(ProjectView.of(row)))
                .orElseGet(() -> ResponseEntity.accepted().location(location).build());
    }

    @Override
    public ResponseEntity<ProjectView> view(String projectId) {
        return answer(projection.untilProjected(projectId));
    }

    /** Project grants are 1:1 money, reserved in the frame of their decision year. */
    @Override
    public ResponseEntity<ProjectView> viewWithLimits(String projectId) {
        Optional<ProjectStatusRow> row = projection.untilProjected(projectId);
        row.filter(decided -> decided.getDecisionDate() != null).ifPresent(decided -> projection.untilCaughtUp(
                AppropriationKey.forDecision(Fund.REGIONAL_1_1, decided.getDecisionDate()).id(),
                limits::frameVersion, limits::frame));
        return answer(row);
    }

    @Override
    public ResponseEntity<Created> created(String projectId, String id) {
        return projection.untilProjected(projectId)
                .map(row -> ResponseEntity.status(HttpStatus.CREATED).eTag(IfMatch.etag(row.getVersion()))
                        .body(new Created(id, ProjectView.of(row))))
                .orElseGet(() -> ResponseEntity.accepted().body(new Created(id, null)));
    }

    private static ResponseEntity<ProjectView> answer(Optional<ProjectStatusRow> row) {
        return row.map(projected -> ResponseEntity.ok().eTag(IfMatch.etag(projected.getVersion()))
                        .body(ProjectView.of(projected)))
                .orElseGet(() -> ResponseEntity.accepted().build());
    }
}
