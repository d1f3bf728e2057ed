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
import se.region.grantledger.infrastructure.audit.AsOfReads;
import se.region.grantledger.infrastructure.axon.ProjectionRebuild;
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
 * {@code asOf} (an instant, or a date meaning the end of that Swedish day): the report as the ledger knew it then,
 * from the events recorded up to that moment, whatever was corrected since.
 */
@RestController
@RequestMapping("/api/reports")
@Tag(name = "Reports")
class ReportController {

    private final ReportQueries reports;
    private final AsOfReads asOfReads;
    private final ProjectionRebuild rebuild;
    /** The region whose books these are, named in the annual page's source line. */
    private final String region;

    ReportController(ReportQueries reports, AsOfReads asOfReads, ProjectionRebuild rebuild,
                     @Value("${ledger.region-name:Region Västmanland}") String region) {
        this.reports = reports;
        this.asOfReads = asOfReads;
        this.rebuild = rebuild;
        this.region = region;
    }

    @GetMapping("/leverage")
    @Operation(summary = "Project grants decided in a year: 1:1, total budget, from others by funder, per 1:1 krona")
    ResponseEntity<?> leverage(@RequestParam int year, @RequestParam(required = false) String asOf,
                               @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        Leverage leverage = read(checked(year, asOf), () -> reports.leverage(year));
        return ReportFormats.answer(accept, "leverage-" + year, leverage, ReportTables.of(leverage));
    }

    @GetMapping("/disbursements")
    @Operation(summary = "Paid in a year from each fund by support type, repayments netted, with recipients and shares")
    ResponseEntity<?> disbursements(@RequestParam int year, @RequestParam(required = false) String asOf,
                                    @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        Disbursements paid = read(checked(year, asOf), () -> reports.disbursements(year));
        return ReportFormats.answer(accept, "disbursements-" + year, paid, ReportTables.of(paid));
    }

    @GetMapping("/business-support")
    @Operation(summary = "Business support decided in a year: number and amount by type, shares to smaller municipalities and under-represented groups")
    ResponseEntity<?> businessSupport(@RequestParam int year, @RequestParam(required = false) String asOf,
                                      @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        BusinessSupport decided = read(checked(year, asOf), () -> reports.businessSupport(year));
        return ReportFormats.answer(accept, "business-support-" + year, decided, ReportTables.of(decided));
    }

    @GetMapping("/goal-areas")
    @Operation(summary = "New 1:1 project money in a year by goal area of the regional strategy")
    ResponseEntity<?> goalAreas(@RequestParam int year, @RequestParam(required = false) String asOf,
                                @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        GoalAreas areas = read(checked(year, asOf), () -> reports.goalAreas(year));
        return ReportFormats.answer(accept, "goal-areas-" + year, areas, ReportTables.of(areas));
    }

    /** The year checked first, then the moment: a report asks for both. */
    private static Instant checked(int year, String asOf) {
        RecordedTime.year(year);
        return moment(asOf);
    }

    @GetMapping(value = "/annual/{year}", produces = "text/html;charset=UTF-8")
    @Operation(summary = "The yearly report's section 2 as a printable page in Swedish, with charts")
    String annual(@PathVariable int year, @RequestParam(required = false) String asOf) {
        Instant knownAt = checked(year, asOf);
        return read(knownAt, () -> AnnualReportPage.render(year, reports.disbursements(year), reports.leverage(year),
                reports.businessSupport(year), reports.goalAreas(year),
                new AnnualReportPage.Source(region, Instant.now(), knownAt)));
    }

    /**
     * Decided and not yet paid per fund and decision year, by the business dates up to asOf's day; with asOf, also
     * only what had been recorded by then.
     */
    @GetMapping("/commitments")
    @Operation(summary = "Decided and not yet paid, per fund and decision year, as the books stood at asOf (default now)")
    ResponseEntity<?> commitments(@RequestParam(required = false) String asOf,
                                  @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        Instant moment = moment(asOf);
        LocalDate day = (moment == null ? Instant.now() : moment.minusNanos(1)).atZone(AsKnownAt.REGION).toLocalDate();
        Commitments commitments = read(moment, () -> reports.commitments(day));
        return ReportFormats.answer(accept, "commitments-" + day, commitments, ReportTables.of(commitments));
    }

    @ExceptionHandler(ReportFormats.NotAcceptable.class)
    ResponseEntity<ProblemDetail> notAcceptable(ReportFormats.NotAcceptable refused) {
        ProblemDetail problem = ProblemResponses.problem(HttpStatus.NOT_ACCEPTABLE, "invalid:not-acceptable",
                "Not acceptable", refused.getMessage());
        problem.setProperty("supported", refused.supported.stream().map(MediaType::toString).toList());
        return ResponseEntity.status(HttpStatus.NOT_ACCEPTABLE).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    /** Today's figures from the report views, or those known at asOf replayed; never partial ones mid-rebuild. */
    private static Instant moment(String asOf) {
        return asOf == null ? null : RecordedTime.asOf(asOf);
    }

    private <T> T read(Instant asOf, Supplier<T> report) {
        if (asOf == null && rebuild.inProgress()) {
            throw new Rebuilding(rebuild.progress());
        }
        return asOf == null ? report.get() : asOfReads.reports(asOf, report);
    }
}
