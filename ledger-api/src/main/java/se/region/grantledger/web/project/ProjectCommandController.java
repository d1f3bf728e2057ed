package se.region.grantledger.web.project;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import se.region.grantledger.core.api.project.AmendGrant;
import se.region.grantledger.core.api.project.ApproveRequisition;
import se.region.grantledger.core.api.project.AttestPayment;
import se.region.grantledger.core.api.project.CloseProject;
import se.region.grantledger.core.api.project.DecideGrant;
import se.region.grantledger.core.api.project.DecideRecovery;
import se.region.grantledger.core.api.project.ProposeAdvance;
import se.region.grantledger.core.api.project.ProposeGrantDecision;
import se.region.grantledger.core.api.project.ProposePayment;
import se.region.grantledger.core.api.project.RegisterProject;
import se.region.grantledger.core.api.project.RegisterRepayment;
import se.region.grantledger.core.api.project.RejectRequisition;
import se.region.grantledger.core.api.project.SubmitRequisition;
import se.region.grantledger.core.api.project.WithdrawGrant;
import se.region.grantledger.core.model.Fund;
import se.region.grantledger.web.CommandSender;
import se.region.grantledger.web.RequestIdentity;
import se.region.grantledger.web.IfMatch;
import se.region.grantledger.web.ProjectionWait;
import se.region.grantledger.web.project.ProjectRequests.AdvanceRequest;
import se.region.grantledger.web.project.ProjectRequests.ApprovalRequest;
import se.region.grantledger.web.project.ProjectRequests.ClosureRequest;
import se.region.grantledger.web.project.ProjectRequests.GrantAmendmentRequest;
import se.region.grantledger.web.project.ProjectRequests.GrantDecisionRequest;
import se.region.grantledger.web.project.ProjectRequests.GrantProposalRequest;
import se.region.grantledger.web.project.ProjectRequests.PaymentRequest;
import se.region.grantledger.web.project.ProjectRequests.RecoveryRequest;
import se.region.grantledger.web.project.ProjectRequests.RegisterProjectRequest;
import se.region.grantledger.web.project.ProjectRequests.RejectionRequest;
import se.region.grantledger.web.project.ProjectRequests.RepaymentRequest;
import se.region.grantledger.web.project.ProjectRequests.RequisitionRequest;
import se.region.grantledger.web.project.ProjectRequests.WithdrawalRequest;

import java.net.URI;
import java.util.Map;

/**
 * The writes of a project's life. Each endpoint turns its body into one command, sends it, and answers once
 * the status read model shows the result (read-your-writes). The rules live in the aggregate, not here.
 */
@RestController
@RequestMapping("/api/projects")
@Tag(name = "Projects: commands")
class ProjectCommandController {

    private final CommandSender commands;
    private final ProjectionWait projection;

    ProjectCommandController(CommandSender commands, ProjectionWait projection) {
        this.commands = commands;
        this.projection = projection;
    }

    @PostMapping
    @Operation(summary = "Register a project")
    ResponseEntity<ProjectView> register(@Valid @RequestBody RegisterProjectRequest body) {
        String projectId = RequestIdentity.newId();
        commands.send(new RegisterProject(projectId, body.diaryNumber().trim(), body.nypsCaseId(), body.title(),
                body.owner(), body.municipalities(), body.kind(), body.goalArea(), body.period()));
        return projection.untilProjected(projectId)
                .map(row -> ResponseEntity.created(URI.create("/api/projects/" + projectId)).body(ProjectView.of(row)))
                .orElseGet(() -> ResponseEntity.accepted().location(URI.create("/api/projects/" + projectId)).build());
    }

    @PostMapping("/{projectId}/grant-decision/proposal")
    @Operation(summary = "Prepare the grant decision: the whole financing plan and the conditions (case officer)")
    ResponseEntity<ProjectView> proposeGrant(@PathVariable String projectId, @Valid @RequestBody GrantProposalRequest body) {
        commands.send(new ProposeGrantDecision(projectId, body.plan(), body.conditions()));
        return view(projectId, HttpStatus.OK);
    }

    @PostMapping("/{projectId}/grant-decision")
    @Operation(summary = "Decide the prepared grant (approver; not the person who prepared it)")
    ResponseEntity<ProjectView> decideGrant(@PathVariable String projectId, @Valid @RequestBody GrantDecisionRequest body) {
        commands.send(new DecideGrant(projectId, body.decisionNumber(), body.decisionDate()));
        return view(projectId, HttpStatus.OK);
    }

    @PostMapping("/{projectId}/grant-amendments")
    @Operation(summary = "Amend the grant: a new plan, a new period, or both")
    ResponseEntity<ProjectView> amendGrant(@PathVariable String projectId, @Valid @RequestBody GrantAmendmentRequest body) {
        commands.send(new AmendGrant(projectId, body.decisionNumber(), body.decisionDate(), body.plan(),
                body.period(), body.reason()));
        return view(projectId, HttpStatus.OK);
    }

    @PostMapping("/{projectId}/advances")
    @Operation(summary = "Propose an advance (förskott); it is paid when another person attests it")
    ResponseEntity<Created> proposeAdvance(@PathVariable String projectId, @Valid @RequestBody AdvanceRequest body) {
        String paymentId = idOrNew(body.paymentId());
        commands.send(new ProposeAdvance(projectId, paymentId, body.amount(), fundOrDefault(body.fund()),
                body.paymentDate(), body.paymentReference(), body.reason()));
        return created(projectId, paymentId);
    }

    @PostMapping("/{projectId}/requisitions")
    @Operation(summary = "Submit a requisition (rekvisition) of costs for a period")
    ResponseEntity<Created> submitRequisition(@PathVariable String projectId, @Valid @RequestBody RequisitionRequest body) {
        String requisitionId = idOrNew(body.requisitionId());
        commands.send(new SubmitRequisition(projectId, requisitionId, body.period(), body.costs(),
                body.coFinancingReceived() == null ? Map.of() : body.coFinancingReceived(), body.submittedOn()));
        return created(projectId, requisitionId);
    }

    @PostMapping("/{projectId}/requisitions/{requisitionId}/approval")
    @Operation(summary = "Approve a requisition, wholly or with deductions")
    ResponseEntity<ProjectView> approve(@PathVariable String projectId, @PathVariable String requisitionId,
                                        @Valid @RequestBody ApprovalRequest body) {
        commands.send(new ApproveRequisition(projectId, requisitionId, body.decisionDate(), body.deductions()));
        return view(projectId, HttpStatus.OK);
    }

    @PostMapping("/{projectId}/requisitions/{requisitionId}/rejection")
    @Operation(summary = "Reject a requisition")
    ResponseEntity<ProjectView> reject(@PathVariable String projectId, @PathVariable String requisitionId,
                                       @Valid @RequestBody RejectionRequest body) {
        commands.send(new RejectRequisition(projectId, requisitionId, body.decisionDate(), body.reason()));
        return view(projectId, HttpStatus.OK);
    }

    @PostMapping("/{projectId}/payments")
    @Operation(summary = "Propose a payment against an approved requisition; it is paid when another person attests it")
    ResponseEntity<Created> proposePayment(@PathVariable String projectId, @Valid @RequestBody PaymentRequest body) {
        String paymentId = idOrNew(body.paymentId());
        commands.send(new ProposePayment(projectId, paymentId, body.requisitionId(), body.amount(),
                fundOrDefault(body.fund()), body.paymentDate(), body.paymentReference()));
        return created(projectId, paymentId);
    }

    @PostMapping("/{projectId}/payments/{paymentId}/attestation")
    @Operation(summary = "Attest a proposed payment: money moves (approver; not the proposer, not the requisition's approver)")
    ResponseEntity<ProjectView> attest(@PathVariable String projectId, @PathVariable String paymentId) {
        commands.send(new AttestPayment(projectId, paymentId));
        return view(projectId, HttpStatus.OK);
    }

    @PostMapping("/{projectId}/recoveries")
    @Operation(summary = "Decide a recovery (återkrav)")
    ResponseEntity<Created> decideRecovery(@PathVariable String projectId, @Valid @RequestBody RecoveryRequest body) {
        String recoveryId = idOrNew(body.recoveryId());
        commands.send(new DecideRecovery(projectId, recoveryId, body.decisionDate(), body.amount(), body.reason()));
        return created(projectId, recoveryId);
    }

    @PostMapping("/{projectId}/repayments")
    @Operation(summary = "Register money repaid on a recovery")
    ResponseEntity<ProjectView> registerRepayment(@PathVariable String projectId, @Valid @RequestBody RepaymentRequest body) {
        commands.send(new RegisterRepayment(projectId, body.recoveryId(), body.amount(), body.receivedOn(),
                body.reference()));
        return view(projectId, HttpStatus.OK);
    }

    @PostMapping("/{projectId}/closure")
    @Operation(summary = "Close the project; what was not paid is released")
    ResponseEntity<ProjectView> close(@PathVariable String projectId, @Valid @RequestBody ClosureRequest body) {
        commands.send(new CloseProject(projectId, body.closedOn(), body.note()));
        return view(projectId, HttpStatus.OK);
    }

    @PostMapping("/{projectId}/withdrawal")
    @Operation(summary = "Withdraw the grant; what was not paid is released")
    ResponseEntity<ProjectView> withdraw(@PathVariable String projectId, @Valid @RequestBody WithdrawalRequest body) {
        commands.send(new WithdrawGrant(projectId, body.decisionDate(), body.reason()));
        return view(projectId, HttpStatus.OK);
    }

    private ResponseEntity<ProjectView> view(String projectId, HttpStatus status) {
        return projection.untilProjected(projectId)
                .map(row -> ResponseEntity.status(status).eTag(IfMatch.etag(row.getVersion())).body(ProjectView.of(row)))
                .orElseGet(() -> ResponseEntity.accepted().build());
    }

    private ResponseEntity<Created> created(String projectId, String id) {
        return projection.untilProjected(projectId)
                .map(row -> ResponseEntity.status(HttpStatus.CREATED).eTag(IfMatch.etag(row.getVersion()))
                        .body(new Created(id, ProjectView.of(row))))
                .orElseGet(() -> ResponseEntity.accepted().body(new Created(id, null)));
    }

    private static String idOrNew(String given) {
        return given == null || given.isBlank() ? RequestIdentity.newId() : given.trim();
    }

    /** Project grants are 1:1 money; a client may leave the fund out. */
    private static Fund fundOrDefault(Fund fund) {
        return fund == null ? Fund.REGIONAL_1_1 : fund;
    }
}
