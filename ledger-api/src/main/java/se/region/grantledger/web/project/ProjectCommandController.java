package se.region.grantledger.web.project;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import se.region.grantledger.core.api.cases.ProposeAdvance;
import se.region.grantledger.core.api.project.AmendGrant;
import se.region.grantledger.core.api.project.ApproveRequisition;
import se.region.grantledger.core.api.project.DecideGrant;
import se.region.grantledger.core.api.project.ProposeGrantDecision;
import se.region.grantledger.core.api.project.RegisterProject;
import se.region.grantledger.core.api.project.RejectRequisition;
import se.region.grantledger.core.api.project.SubmitRequisition;
import se.region.grantledger.web.CommandSender;
import se.region.grantledger.web.RequestIdentity;
import se.region.grantledger.web.cases.CaseRequests.AdvanceRequest;
import se.region.grantledger.web.project.ProjectRequests.ApprovalRequest;
import se.region.grantledger.web.project.ProjectRequests.GrantAmendmentRequest;
import se.region.grantledger.web.project.ProjectRequests.GrantDecisionRequest;
import se.region.grantledger.web.project.ProjectRequests.GrantProposalRequest;
import se.region.grantledger.web.project.ProjectRequests.RegisterProjectRequest;
import se.region.grantledger.web.project.ProjectRequests.RejectionRequest;
import se.region.grantledger.web.project.ProjectRequests.RequisitionRequest;

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
    private final ProjectAnswers answers;

    ProjectCommandController(CommandSender commands, ProjectAnswers answers) {
        this.commands = commands;
        this.answers = answers;
    }

    @PostMapping
    @Operation(summary = "Register a project")
    ResponseEntity<ProjectView> register(@Valid @RequestBody RegisterProjectRequest body) {
        String projectId = RequestIdentity.newId();
        commands.send(new RegisterProject(projectId, body.diaryNumber().trim(), body.nypsCaseId(), body.title(),
                body.owner(), body.municipalities(), body.kind(), body.goalArea(), body.period()));
        return answers.registered(projectId);
    }

    @PostMapping("/{projectId}/grant-decision/proposal")
    @Operation(summary = "Prepare the grant decision: the whole financing plan and the conditions (case officer)")
    ResponseEntity<ProjectView> proposeGrant(@PathVariable String projectId, @Valid @RequestBody GrantProposalRequest body) {
        commands.send(new ProposeGrantDecision(projectId, body.plan(), body.conditions()));
        return answers.view(projectId);
    }

    @PostMapping("/{projectId}/grant-decision")
    @Operation(summary = "Decide the prepared grant (approver; not the person who prepared it)")
    ResponseEntity<ProjectView> decideGrant(@PathVariable String projectId, @Valid @RequestBody GrantDecisionRequest body) {
        commands.send(new DecideGrant(projectId, body.decisionNumber(), body.decisionDate()));
        return answers.view(projectId);
    }

    @PostMapping("/{projectId}/grant-amendments")
    @Operation(summary = "Amend the grant: a new plan, a new period, or both")
    ResponseEntity<ProjectView> amendGrant(@PathVariable String projectId, @Valid @RequestBody GrantAmendmentRequest body) {
        commands.send(new AmendGrant(projectId, body.decisionNumber(), body.decisionDate(), body.plan(),
                body.period(), body.reason()));
        return answers.view(projectId);
    }

    @PostMapping("/{projectId}/advances")
    @Operation(summary = "Propose an advance (förskott); it is paid when another person attests it")
    ResponseEntity<Created> proposeAdvance(@PathVariable String projectId, @Valid @RequestBody AdvanceRequest body) {
        String paymentId = idOrNew(body.paymentId());
        commands.send(new ProposeAdvance(projectId, paymentId, body.amount(), body.fund(), body.paymentDate(),
                body.paymentReference(), body.reason()));
        return answers.created(projectId, paymentId);
    }

    @PostMapping("/{projectId}/requisitions")
    @Operation(summary = "Submit a requisition (rekvisition) of costs for a period")
    ResponseEntity<Created> submitRequisition(@PathVariable String projectId, @Valid @RequestBody RequisitionRequest body) {
        String requisitionId = idOrNew(body.requisitionId());
        commands.send(new SubmitRequisition(projectId, requisitionId, body.period(), body.costs(),
                body.coFinancingReceived() == null ? Map.of() : body.coFinancingReceived(), body.submittedOn()));
        return answers.created(projectId, requisitionId);
    }

    @PostMapping("/{projectId}/requisitions/{requisitionId}/approval")
    @Operation(summary = "Approve a requisition, wholly or with deductions")
    ResponseEntity<ProjectView> approve(@PathVariable String projectId, @PathVariable String requisitionId,
                                        @Valid @RequestBody ApprovalRequest body) {
        commands.send(new ApproveRequisition(projectId, requisitionId, body.decisionDate(), body.deductions()));
        return answers.view(projectId);
    }

    @PostMapping("/{projectId}/requisitions/{requisitionId}/rejection")
    @Operation(summary = "Reject a requisition")
    ResponseEntity<ProjectView> reject(@PathVariable String projectId, @PathVariable String requisitionId,
                                       @Valid @RequestBody RejectionRequest body) {
        commands.send(new RejectRequisition(projectId, requisitionId, body.decisionDate(), body.reason()));
        return answers.view(projectId);
    }

    private static String idOrNew(String given) {
        return given == null || given.isBlank() ? RequestIdentity.newId() : given.trim();
    }
}
