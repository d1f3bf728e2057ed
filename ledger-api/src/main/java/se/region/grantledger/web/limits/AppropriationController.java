package se.region.grantledger.web.limits;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import se.region.grantledger.core.api.StreamType;
import se.region.grantledger.core.api.limits.AllocateAppropriation;
import se.region.grantledger.core.model.AppropriationKey;
import se.region.grantledger.core.model.Fund;
import se.region.grantledger.core.model.Money;
import se.region.grantledger.infrastructure.audit.AsOfReads;
import se.region.grantledger.projections.ReadTime;
import se.region.grantledger.projections.limits.LimitsQueries;
import se.region.grantledger.projections.limits.LimitsQueries.Frame;
import se.region.grantledger.web.CommandSender;
import se.region.grantledger.web.EventStreams;
import se.region.grantledger.web.EventView;
import se.region.grantledger.web.NotFound;
import se.region.grantledger.web.ProjectionWait;
import se.region.grantledger.web.RecordedTime;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** The appropriation frame of each fund and year, and how much of it decisions have committed. */
@RestController
@RequestMapping("/api/appropriations")
@Tag(name = "Appropriation frames")
class AppropriationController {

    record FrameRequest(@NotNull Money frame, @NotBlank String reference) {
    }

    /**
     * committed = reserved − released; paid is net of same-year repayments credited back; outstanding = committed −
     * paid (decided, not yet paid); headroom = frame − committed; returnedToState: repaid for earlier years' payments
     * drawn here, gone to the state (docs/adr/0014).
     */
    record FrameView(String appropriationId, String fund, int year, Money frame, Money committed, Money paid,
                     Money outstanding, Money released, Money returnedToState, Money headroom, long version) {
        static FrameView of(Frame frame) {
            return new FrameView(frame.appropriationId(), frame.fund(), frame.year(), frame.frame(), frame.committed(),
                    frame.drawn(), frame.outstanding(), frame.released(), frame.returnedToState(), frame.headroom(),
                    frame.version());
        }
    }

    private final CommandSender commands;
    private final ProjectionWait projection;
    private final LimitsQueries limits;
    private final EventStreams streams;
    private final AsOfReads asOfReads;

    AppropriationController(CommandSender commands, ProjectionWait projection, LimitsQueries limits,
                            EventStreams streams, AsOfReads asOfReads) {
        this.commands = commands;
        this.projection = projection;
        this.limits = limits;
        this.streams = streams;
        this.asOfReads = asOfReads;
    }

    @PutMapping("/{fund}/{year}")
    @Operation(summary = "Set the fund's frame for the year (approver); never below what decisions already commit")
    ResponseEntity<FrameView> allocate(@PathVariable Fund fund, @PathVariable int year,
                                       @Valid @RequestBody FrameRequest body) {
        AppropriationKey key = new AppropriationKey(fund, year);
        commands.send(new AllocateAppropriation(key.id(), fund, year, body.frame(), body.reference()));
        return projection.untilCaughtUp(key.id(), limits::frameVersion, limits::frame)
                .map(frame -> ResponseEntity.ok(FrameView.of(frame)))
                .orElseGet(() -> ResponseEntity.accepted().build());
    }

    @GetMapping("/{fund}/{year}")
    @Operation(summary = "The frame, committed, paid, outstanding, released and headroom; with validAt, at that"
            + " business date; with knownAt (or its older name asOf), as the ledger knew it then")
    FrameView get(@PathVariable Fund fund, @PathVariable int year, @RequestParam(required = false) String validAt,
                  @RequestParam(required = false) String knownAt, @RequestParam(required = false) String asOf) {
        AppropriationKey key = new AppropriationKey(fund, year);
        ReadTime time = RecordedTime.readTime(validAt, knownAt, asOf);
        Supplier<Optional<FrameView>> read = () -> limits.frame(key.id()).map(FrameView::of);
        return (time.isNow() ? read.get() : asOfReads.frame(time, key.id(), read))
                .orElseThrow(() -> new NotFound("appropriation frame " + key + (time.isNow() ? "" : " " + time)));
    }

    @GetMapping("/{fund}/{year}/events")
    @Operation(summary = "The frame's event stream: allocations, and every reservation, draw and release by case")
    List<EventView> events(@PathVariable Fund fund, @PathVariable int year) {
        AppropriationKey key = new AppropriationKey(fund, year);
        return streams.of(StreamType.APPROPRIATION, key.id(), "appropriation frame");
    }
}
