package se.region.grantledger.web.limits;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;
import se.region.grantledger.core.api.StreamType;
import se.region.grantledger.core.api.limits.AddCompanyToUndertaking;
import se.region.grantledger.core.api.limits.DeclareOtherDeMinimisAid;
import se.region.grantledger.core.api.limits.RegisterUndertaking;
import se.region.grantledger.core.model.Euro;
import se.region.grantledger.core.model.OrganisationNumber;
import se.region.grantledger.core.model.UndertakingIds;
import se.region.grantledger.core.rules.Conflict;
import se.region.grantledger.core.rules.StateConflict;
import se.region.grantledger.projections.limits.LimitsQueries;
import se.region.grantledger.projections.limits.LimitsQueries.Aid;
import se.region.grantledger.projections.limits.LimitsQueries.DeMinimisPosition;
import se.region.grantledger.projections.limits.LimitsQueries.UndertakingRow;
import se.region.grantledger.web.CommandSender;
import se.region.grantledger.web.EventStreams;
import se.region.grantledger.web.EventView;
import se.region.grantledger.web.NotFound;
import se.region.grantledger.web.ProjectionWait;
import se.region.grantledger.web.RequestIdentity;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/** Single undertakings (linked companies that count together) and their de minimis aid. */
@RestController
@RequestMapping("/api/undertakings")
@Tag(name = "Undertakings and de minimis")
class UndertakingController {

    record RegisterRequest(@Size(max = 64) String undertakingId, @NotBlank String name,
                           @NotEmpty List<@NotNull OrganisationNumber> companies) {
    }

    record CompanyRequest(@NotNull OrganisationNumber organisationNumber) {
    }

    record DeclaredAidRequest(@Size(max = 64) String declarationId, @NotNull OrganisationNumber company,
                              @NotBlank String grantor, @NotNull LocalDate grantedOn, @NotNull Euro amountEur) {
    }

    record UndertakingView(String undertakingId, String name, List<String> companies, long version) {
        static UndertakingView of(UndertakingRow row) {
            return new UndertakingView(row.undertakingId(), row.name(), row.companies(), row.version());
        }
    }

    /** The window ending on {@code windowEnd}: every piece of aid in it, their sum, and what is left under the cap. */
    record DeMinimisView(String undertakingId, LocalDate windowStart, LocalDate windowEnd, Euro capEur, Euro totalEur,
                         Euro headroomEur, List<Aid> aid) {
    }

    private final CommandSender commands;
    private final ProjectionWait projection;
    private final LimitsQueries limits;
    private final EventStreams streams;
    private final Clock clock = Clock.systemUTC();

    UndertakingController(CommandSender commands, ProjectionWait projection, LimitsQueries limits, EventStreams streams) {
        this.commands = commands;
        this.projection = projection;
        this.limits = limits;
        this.streams = streams;
    }

    @PostMapping
    @Operation(summary = "Register a single undertaking with the linked companies the applicant declared (case officer)")
    ResponseEntity<UndertakingView> register(@Valid @RequestBody RegisterRequest body) {
        String id = body.undertakingId() == null || body.undertakingId().isBlank() ? RequestIdentity.newId()
                : body.undertakingId().trim();
        UndertakingIds.check(id);
        if (streams.taken(id)) {
            throw new StateConflict(Conflict.UNDERTAKING_ID_TAKEN, "the id '" + id + "' is already taken; choose another");
        }
        commands.send(new RegisterUndertaking(id, body.name(), body.companies()));
        URI location = UriComponentsBuilder.fromPath("/api/undertakings/{id}").buildAndExpand(id).encode().toUri();
        return projection.untilCaughtUp(id, limits::undertakingVersion, limits::undertaking)
                .map(row -> ResponseEntity.created(location).body(UndertakingView.of(row)))
                .orElseGet(() -> ResponseEntity.accepted().location(location).build());
    }

    @PostMapping("/{undertakingId}/companies")
    @Operation(summary = "Link another company to the undertaking (case officer)")
    ResponseEntity<UndertakingView> addCompany(@PathVariable String undertakingId,
                                               @Valid @RequestBody CompanyRequest body) {
        commands.send(new AddCompanyToUndertaking(undertakingId, body.organisationNumber()));
        return answer(undertakingId);
    }

    @PostMapping("/{undertakingId}/de-minimis")
    @Operation(summary = "Register de minimis aid from another grantor, as the company declared it, in euro (case officer)")
    ResponseEntity<UndertakingView> declareAid(@PathVariable String undertakingId,
                                               @Valid @RequestBody DeclaredAidRequest body) {
        String declarationId = body.declarationId() == null || body.declarationId().isBlank()
                ? RequestIdentity.newId() : body.declarationId().trim();
        commands.send(new DeclareOtherDeMinimisAid(undertakingId, declarationId, body.company(), body.grantor(),
                body.grantedOn(), body.amountEur()));
        return answer(undertakingId);
    }

    @GetMapping("/{undertakingId}")
    @Operation(summary = "The undertaking and its companies")
    UndertakingView get(@PathVariable String undertakingId) {
        return limits.undertaking(undertakingId).map(UndertakingView::of)
                .orElseThrow(() -> new NotFound("undertaking " + undertakingId));
    }

    @GetMapping("/{undertakingId}/de-minimis")
    @Operation(summary = "De minimis aid in the three years ending on a day (default today) and the headroom in euro")
    DeMinimisView deMinimis(@PathVariable String undertakingId,
                            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on) {
        get(undertakingId);
        LocalDate end = on == null ? LocalDate.now(clock) : on;
        DeMinimisPosition position = limits.deMinimisPosition(undertakingId, end);
        return new DeMinimisView(undertakingId, position.windowStart(), position.windowEnd(), position.capEur(),
                position.totalEur(), position.headroomEur(), position.aid());
    }

    @GetMapping("/{undertakingId}/events")
    @Operation(summary = "The undertaking's event stream: companies, declared aid and every de minimis decision")
    List<EventView> events(@PathVariable String undertakingId) {
        return streams.of(StreamType.UNDERTAKING, undertakingId, "undertaking");
    }

    private ResponseEntity<UndertakingView> answer(String undertakingId) {
        return projection.untilCaughtUp(undertakingId, limits::undertakingVersion, limits::undertaking)
                .map(row -> ResponseEntity.ok(UndertakingView.of(row)))
                .orElseGet(() -> ResponseEntity.accepted().build());
    }
}
