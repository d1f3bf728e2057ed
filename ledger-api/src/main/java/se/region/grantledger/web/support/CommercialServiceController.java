package se.region.grantledger.web.support;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import se.region.grantledger.core.api.StreamType;
import se.region.grantledger.core.api.support.DecideCommercialServiceGrant;
import se.region.grantledger.core.api.support.RegisterCommercialServiceGrant;
import se.region.grantledger.core.model.SupportStatus;
import se.region.grantledger.core.model.SupportType;
import se.region.grantledger.web.RecordedTime;
import se.region.grantledger.web.CommandSender;
import se.region.grantledger.web.EventStreams;
import se.region.grantledger.web.EventView;
import se.region.grantledger.web.PageView;
import se.region.grantledger.web.RequestIdentity;
import se.region.grantledger.web.support.SupportRequests.DecisionRequest;
import se.region.grantledger.web.support.SupportRequests.RegisterCommercialServiceRequest;
import se.region.grantledger.web.support.SupportViews.CommercialServiceView;

import java.net.URI;
import java.util.List;

/** Support to commercial service (e.g. home delivery): one grant per recipient and year, paid in arrears. */
@RestController
@RequestMapping("/api/commercial-service-grants")
@Validated
@Tag(name = "Commercial service")
class CommercialServiceController {

    private static final SupportType TYPE = SupportType.COMMERCIAL_SERVICE;

    private final CommandSender commands;
    private final SupportCaseAnswers answers;
    private final EventStreams streams;

    CommercialServiceController(CommandSender commands, SupportCaseAnswers answers,
                                EventStreams streams) {
        this.commands = commands;
        this.answers = answers;
        this.streams = streams;
    }

    @PostMapping
    @Operation(summary = "Register an application with the year's net cost (case officer)")
    ResponseEntity<CommercialServiceView> register(@Valid @RequestBody RegisterCommercialServiceRequest body) {
        String grantId = RequestIdentity.newId();
        commands.send(new RegisterCommercialServiceGrant(grantId, body.diaryNumber().trim(), body.recipient(),
                body.recipientKind(), body.municipality(), body.serviceType(), body.year(), body.netCost()));
        return answers.registered(TYPE, grantId, URI.create("/api/commercial-service-grants/" + grantId),
                CommercialServiceView::of);
    }

    @PostMapping("/{grantId}/decision")
    @Operation(summary = "Decide the grant (approver, not the registrar): at most the configured share of the net cost")
    ResponseEntity<CommercialServiceView> decide(@PathVariable String grantId, @Valid @RequestBody DecisionRequest body) {
        commands.send(new DecideCommercialServiceGrant(grantId, body.decisionNumber(), body.decisionDate(), body.amount()));
        return answers.viewWithLimits(TYPE, grantId, CommercialServiceView::of);
    }

    @GetMapping("/{grantId}")
    @Operation(summary = "A grant: recipient, year, net cost, decision and what was paid")
    ResponseEntity<CommercialServiceView> get(@PathVariable String grantId,
                                              @RequestParam(required = false) String validAt,
                                              @RequestParam(required = false) String knownAt,
                                              @RequestParam(required = false) String asOf) {
        return answers.current(TYPE, grantId, RecordedTime.readTime(validAt, knownAt, asOf), CommercialServiceView::of,
                "commercial-service grant");
    }

    @GetMapping
    @Operation(summary = "Grants, filtered by status, decision year and municipality (SCB code), a page at a time")
    PageView<CommercialServiceView> list(@RequestParam(required = false) SupportStatus status,
                                         @RequestParam(required = false) Integer decisionYear,
                                         @RequestParam(required = false) String municipality,
                                         @RequestParam(defaultValue = "0") @Min(0) int page,
                                         @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
        return answers.page(TYPE, status, decisionYear, municipality, page, size, CommercialServiceView::of);
    }

    @GetMapping("/{grantId}/events")
    @Operation(summary = "The grant's event stream, oldest first, with recorded time, payload and metadata")
    List<EventView> events(@PathVariable String grantId) {
        return streams.of(StreamType.COMMERCIAL_SERVICE_GRANT, grantId, "commercial-service grant");
    }
}
