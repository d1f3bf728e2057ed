package se.region.grantledger.web.support;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import se.region.grantledger.core.model.AppropriationKey;
import se.region.grantledger.core.model.Fund;
import se.region.grantledger.core.model.Municipality;
import se.region.grantledger.core.model.SupportStatus;
import se.region.grantledger.core.model.SupportType;
import se.region.grantledger.infrastructure.audit.AsOfReads;
import se.region.grantledger.projections.ReadTime;
import se.region.grantledger.projections.limits.LimitsQueries;
import se.region.grantledger.projections.support.SupportCaseQueries;
import se.region.grantledger.projections.support.SupportCaseRow;
import se.region.grantledger.web.IfMatch;
import se.region.grantledger.web.NotFound;
import se.region.grantledger.web.PageView;
import se.region.grantledger.web.ProjectionWait;
import se.region.grantledger.web.RecordedTime;
import se.region.grantledger.web.support.SupportViews.CreatedIn;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Read-your-writes answers for the support cases: wait until the case's row shows the command's events, then
 * answer with it and its version as the ETag; 202 if the read model did not catch up in time. After a decision
 * or a payment the frame and the undertaking it touched are waited for too, so a client's next GET of either
 * already shows the change.
 */
@Component
class SupportCaseAnswers {

    private final ProjectionWait projection;
    private final SupportCaseQueries cases;
    private final LimitsQueries limits;
    private final AsOfReads asOfReads;

    SupportCaseAnswers(ProjectionWait projection, SupportCaseQueries cases, LimitsQueries limits, AsOfReads asOfReads) {
        this.projection = projection;
        this.cases = cases;
        this.limits = limits;
        this.asOfReads = asOfReads;
    }

    <V> ResponseEntity<V> registered(SupportType type, String caseId, URI location, Function<SupportCaseRow, V> view) {
        return awaitCase(type, caseId)
                .map(row -> ResponseEntity.created(location).eTag(IfMatch.etag(row.version())).body(view.apply(row)))
                .orElseGet(() -> ResponseEntity.accepted().location(location).build());
    }

    <V> ResponseEntity<V> view(SupportType type, String caseId, Function<SupportCaseRow, V> view) {
        return awaitCase(type, caseId)
                .map(row -> ResponseEntity.ok().eTag(IfMatch.etag(row.version())).body(view.apply(row)))
                .orElseGet(() -> ResponseEntity.accepted().build());
    }

    <V> ResponseEntity<CreatedIn<V>> created(SupportType type, String caseId, String id, Function<SupportCaseRow, V> view) {
        return awaitCase(type, caseId)
                .map(row -> ResponseEntity.status(HttpStatus.CREATED).eTag(IfMatch.etag(row.version()))
                        .body(new CreatedIn<>(id, view.apply(row))))
                .orElseGet(() -> ResponseEntity.accepted().body(new CreatedIn<>(id, null)));
    }

    /** The case as projected, once the frame of its decision (and its undertaking, if any) are projected too. */
    <V> ResponseEntity<V> viewWithLimits(SupportType type, String caseId, Function<SupportCaseRow, V> view) {
        Optional<SupportCaseRow> row = awaitCase(type, caseId);
        row.filter(decided -> decided.decisionDate() != null).ifPresent(decided -> {
            String frame = AppropriationKey.forDecision(Fund.valueOf(decided.fund()), decided.decisionDate()).id();
            projection.untilCaughtUp(frame, limits::frameVersion, limits::frame);
            if (decided.undertakingId() != null) {
                projection.untilCaughtUp(decided.undertakingId(), limits::undertakingVersion, limits::undertaking);
            }
        });
        return row.map(r -> ResponseEntity.ok().eTag(IfMatch.etag(r.version())).body(view.apply(r)))
                .orElseGet(() -> ResponseEntity.accepted().build());
    }

    /**
     * The case as the read model has it now, with its version as the ETag; at another time (a business date, a moment
     * it was known at), replayed from its stream.
     */
    <V> ResponseEntity<V> current(SupportType type, String caseId, ReadTime time, Function<SupportCaseRow, V> view,
                                  String what) {
        if (!time.isNow()) {
            return ResponseEntity.ok(asOfReads.supportCase(time, caseId, () -> cases.find(type, caseId).map(view))
                    .orElseThrow(() -> new NotFound(what + " " + caseId + " " + time)));
        }
        SupportCaseRow row = cases.find(type, caseId).orElseThrow(() -> new NotFound(what + " " + caseId));
        return ResponseEntity.ok().eTag(IfMatch.etag(row.version())).body(view.apply(row));
    }

    /** One page of one type's cases in diary-number order; each filter applies when given. */
    <V> PageView<V> page(SupportType type, SupportStatus status, Integer decisionYear, String municipality, int page,
                         int size, Function<SupportCaseRow, V> view) {
        String statusName = status == null ? null : status.name();
        String scbCode = municipality == null ? null : Municipality.ofScbCode(municipality).scbCode();
        long total = cases.count(type, statusName, decisionYear, scbCode);
        List<V> items = cases.list(type, statusName, decisionYear, scbCode, page, size).stream().map(view).toList();
        return new PageView<>(items, page, size, total, (int) ((total + size - 1) / size));
    }

    private Optional<SupportCaseRow> awaitCase(SupportType type, String caseId) {
        return projection.untilCaughtUp(caseId, cases::version, id -> cases.find(type, id));
    }
}
