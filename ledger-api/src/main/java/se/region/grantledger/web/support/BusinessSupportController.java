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
import se.region.grantledger.core.api.support.DecideBusinessSupport;
import se.region.grantledger.core.api.support.RegisterBusinessSupport;
import se.region.grantledger.core.model.Fund;
import se.region.grantledger.core.model.SupportStatus;
import se.region.grantledger.core.model.SupportType;
import se.region.grantledger.web.RecordedTime;
import se.region.grantledger.web.CommandSender;
import se.region.grantledger.web.EventStreams;
import se.region.grantledger.web.EventView;
import se.region.grantledger.web.PageView;
import se.region.grantledger.web.RequestIdentity;
import se.region.grantledger.web.support.SupportRequests.DecisionRequest;
import se.region.grantledger.web.support.SupportRequests.RegisterBusinessSupportRequest;
import se.region.grantledger.web.support.SupportViews.BusinessSupportView;

import java.net.URI;
import java.util.List;

/** Business support to companies: one case per application, from registration to attested payment and closure. */
@RestController
@RequestMapping("/api/business-supports")
@Validated
@Tag(name = "Business support")
class BusinessSupportController {

    private static final SupportType TYPE = SupportType.BUSINESS_SUPPORT;

    private final CommandSender commands;
    private final SupportCaseAnswers answers;
    private final EventStreams streams;

    BusinessSupportController(CommandSender commands, SupportCaseAnswers answers,
                              EventStreams streams) {
        this.commands = commands;
        this.answers = answers;
        this.streams = streams;
    }

    @PostMapping
    @Operation(summary = "Register a company's application (case officer)")
    ResponseEntity<BusinessSupportView> register(@Valid @RequestBody RegisterBusinessSupportRequest body) {
        String caseId = RequestIdentity.newId();
        commands.send(new RegisterBusinessSupport(caseId, body.diaryNumber().trim(), body.company(), body.supportType(),
                body.fund() == null ? Fund.REGIONAL_1_1 : body.fund(), body.purpose()));
        return answers.registered(TYPE, caseId, URI.create("/api/business-supports/" + caseId), BusinessSupportView::of);
    }

    @PostMapping("/{caseId}/decision")
    @Operation(summary = "Decide the support (approver, not the registrar): counts as de minimis aid and reserves the frame")
    ResponseEntity<BusinessSupportView> decide(@PathVariable String caseId, @Valid @RequestBody DecisionRequest body) {
        commands.send(new DecideBusinessSupport(caseId, body.decisionNumber(), body.decisionDate(), body.amount()));
        return answers.viewWithLimits(TYPE, caseId, BusinessSupportView::of);
    }

    @GetMapping("/{caseId}")
    @Operation(summary = "A case: the company, the decision, its de minimis aid in euro, and what was paid")
    ResponseEntity<BusinessSupportView> get(@PathVariable String caseId, @RequestParam(required = false) String validAt,
                                            @RequestParam(required = false) String knownAt,
                                            @RequestParam(required = false) String asOf) {
        return answers.current(TYPE, caseId, RecordedTime.readTime(validAt, knownAt, asOf), BusinessSupportView::of,
                "business support");
    }

    @GetMapping
    @Operation(summary = "Cases, filtered by status, decision year and municipality (SCB code), a page at a time")
    PageView<BusinessSupportView> list(@RequestParam(required = false) SupportStatus status,
                                       @RequestParam(required = false) Integer decisionYear,
                                       @RequestParam(required = false) String municipality,
                                       @RequestParam(defaultValue = "0") @Min(0) int page,
                                       @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
        return answers.page(TYPE, status, decisionYear, municipality, page, size, BusinessSupportView::of);
    }

    @GetMapping("/{caseId}/events")
    @Operation(summary = "The case's event stream, oldest first, with recorded time, payload and metadata")
    List<EventView> events(@PathVariable String caseId) {
        return streams.of(StreamType.BUSINESS_SUPPORT, caseId, "business support");
    }
}
