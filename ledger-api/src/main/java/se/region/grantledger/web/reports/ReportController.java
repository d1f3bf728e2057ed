package se.region.grantledger.web.reports;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import se.region.grantledger.infrastructure.audit.AsKnownAt;
import se.region.grantledger.infrastructure.axon.ProjectionRebuild;
import se.region.grantledger.projections.ReadTime;
import se.region.grantledger.projections.reports.ReportQueries;
import se.region.grantledger.projections.reports.Reports.BusinessSupport;
import se.region.grantledger.projections.reports.Reports.Commitments;
import se.region.grantledger.projections.reports.Reports.Disbursements;
import se.region.grantledger.projections.reports.Reports.GoalAreas;
import se.region.grantledger.projections.reports.Reports.Leverage;
import se.region.grantledger.web.ProblemResponses;
import se.region.grantledger.web.Rebuilding;
import se.region.grantledger.web.RecordedTime;

import java.time.Instant;
import java.time.LocalDate;
import java.util.function.Supplier;

/**
 * The reports finance staff and reporting jobs read: JSON by default, CSV with {@code Accept: text/csv}, an Excel
 * workbook with {@code Accept: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet}. Each takes
 * {@code validAt} (a business date: only what was decided, paid or received up to that day counts) and
 * {@code knownAt} (an instant, or a date meaning the end of that Swedish day: only what the ledger had recorded by
 * then counts, whatever was corrected since; {@code asOf} is its older name). Both are filters in SQL on facts that
 * carry both times (docs/reporting-schema.md), so they cost what today's report costs.
 */
@RestController
@RequestMapping("/api/reports")
@Tag(name = "Reports")
class ReportController {

    private final ReportQueries reports;
    private final ProjectionRebuild rebuild;
    /** The region whose books these are, named in the annual page's source line. */
    private final String region;

    ReportController(ReportQueries reports, ProjectionRebuild rebuild,
                     @Value("${ledger.region-name:Region Västmanland}") String region) {
        this.reports = reports;
        this.rebuild = rebuild;
        this.region = region;
    }

    @GetMapping("/leverage")
    @Operation(summary = "Project grants decided in a year: 1:1, total budget, from others by funder, per 1:1 krona")
    ResponseEntity<?> leverage(@RequestParam int year, @RequestParam(required = false) String validAt,
                               @RequestParam(required = false) String knownAt,
                               @RequestParam(required = false) String asOf,
                               @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        ReadTime time = checked(year, validAt, knownAt, asOf);
        Leverage leverage = read(() -> reports.leverage(year, time));
        return ReportFormats.answer(accept, "leverage-" + year, leverage, ReportTables.of(leverage));
    }

    @GetMapping("/disbursements")
    @Operation(summary = "Paid in a year from each fund by support type, repayments netted, with recipients and shares")
    ResponseEntity<?> disbursements(@RequestParam int year, @RequestParam(required = false) String validAt,
                                    @RequestParam(required = false) String knownAt,
                                    @RequestParam(required = false) String asOf,
                                    @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        ReadTime time = checked(year, validAt, knownAt, asOf);
        Disbursements paid = read(() -> reports.disbursements(year, time));
        return ReportFormats.answer(accept, "disbursements-" + year, paid, ReportTables.of(paid));
    }

    @GetMapping("/business-support")
    @Operation(summary = "Business support decided in a year: number and amount by type, shares to smaller municipalities and under-represented groups")
    ResponseEntity<?> businessSupport(@RequestParam int year, @RequestParam(required = false) String validAt,
                                      @RequestParam(required = false) String knownAt,
                                      @RequestParam(required = false) String asOf,
                                      @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        ReadTime time = checked(year, validAt, knownAt, asOf);
        BusinessSupport decided = read(() -> reports.businessSupport(year, time));
        return ReportFormats.answer(accept, "business-support-" + year, decided, ReportTables.of(decided));
    }

    @GetMapping("/goal-areas")
    @Operation(summary = "New 1:1 project money in a year by goal area of the regional strategy")
    ResponseEntity<?> goalAreas(@RequestParam int year, @RequestParam(required = false) String validAt,
                                @RequestParam(required = false) String knownAt,
                                @RequestParam(required = false) String asOf,
                                @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        ReadTime time = checked(year, validAt, knownAt, asOf);
        GoalAreas areas = read(() -> reports.goalAreas(year, time));
        return ReportFormats.answer(accept, "goal-areas-" + year, areas, ReportTables.of(areas));
    }

    /** The year checked first, then the times: a report asks for both. */
    private static ReadTime checked(int year, String validAt, String knownAt, String asOf) {
        RecordedTime.year(year);
        return RecordedTime.readTime(validAt, knownAt, asOf);
    }

    @GetMapping(value = "/annual/{year}", produces = "text/html;charset=UTF-8")
    @Operation(summary = "The yearly report's section 2 as a printable page in Swedish, with charts")
    String annual(@PathVariable int year, @RequestParam(required = false) String validAt,
                  @RequestParam(required = false) String knownAt, @RequestParam(required = false) String asOf) {
        ReadTime time = checked(year, validAt, knownAt, asOf);
        return read(() -> AnnualReportPage.render(year, reports.disbursements(year, time), reports.leverage(year, time),
                reports.businessSupport(year, time), reports.goalAreas(year, time),
                new AnnualReportPage.Source(region, Instant.now(), time.validAt(), time.knownAt())));
    }

    /**
     * Decided and not yet paid per fund and decision year, at {@code validAt} (default: the day of knownAt or asOf
     * when one is given, which is what asOf alone has always meant here, else today) as known at {@code knownAt}.
     */
    @GetMapping("/commitments")
    @Operation(summary = "Each frame's position (committed, paid, released, to the state, outstanding) per fund and"
            + " decision year at validAt (default today) as known at knownAt (default now; asOf is its older name)")
    ResponseEntity<?> commitments(@RequestParam(required = false) String validAt,
                                  @RequestParam(required = false) String knownAt,
                                  @RequestParam(required = false) String asOf,
                                  @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        ReadTime given = RecordedTime.readTime(validAt, knownAt, asOf);
        Instant dayOf = given.knownAt() == null ? Instant.now() : given.knownAt().minusNanos(1);
        LocalDate day = given.validAt() != null ? given.validAt() : dayOf.atZone(AsKnownAt.REGION).toLocalDate();
        Commitments commitments = read(() -> reports.commitments(new ReadTime(day, given.knownAt())));
        return ReportFormats.answer(accept, "commitments-" + day, commitments, ReportTables.of(commitments));
    }

    /** The figures a region reports at year-end, reproducible later: the positions at 31 December, as known then. */
    @GetMapping("/year-end/{year}")
    @Operation(summary = "Each frame's position per fund and decision year at 31 December of the year, as known at"
            + " knownAt (default now): the year-end figures, reproducible after later corrections")
    ResponseEntity<?> yearEnd(@PathVariable int year, @RequestParam(required = false) String knownAt,
                              @RequestParam(required = false) String asOf,
                              @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        RecordedTime.year(year);
        LocalDate yearEnd = LocalDate.of(year, 12, 31);
        ReadTime time = new ReadTime(yearEnd, RecordedTime.readTime(null, knownAt, asOf).knownAt());
        Commitments positions = read(() -> reports.commitments(time));
        return ReportFormats.answer(accept, "year-end-" + year, positions, ReportTables.of(positions));
    }

    @ExceptionHandler(ReportFormats.NotAcceptable.class)
    ResponseEntity<ProblemDetail> notAcceptable(ReportFormats.NotAcceptable refused) {
        ProblemDetail problem = ProblemResponses.problem(HttpStatus.NOT_ACCEPTABLE, "invalid:not-acceptable",
                "Not acceptable", refused.getMessage());
        problem.setProperty("supported", refused.supported.stream().map(MediaType::toString).toList());
        return ResponseEntity.status(HttpStatus.NOT_ACCEPTABLE).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    /** Never partial figures mid-rebuild: every report, at whatever time, is read from the tables a rebuild empties. */
    private <T> T read(Supplier<T> report) {
        if (rebuild.inProgress()) {
            throw new Rebuilding(rebuild.progress());
        }
        return report.get();
    }
}
