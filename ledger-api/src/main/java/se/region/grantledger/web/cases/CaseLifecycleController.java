package se.region.grantledger.web.cases;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import se.region.grantledger.core.api.cases.AttestPayment;
import se.region.grantledger.core.api.cases.CloseCase;
import se.region.grantledger.core.api.cases.DecideRecovery;
import se.region.grantledger.core.api.cases.ExpectedCaseType;
import se.region.grantledger.core.api.cases.ProposePayment;
import se.region.grantledger.core.api.cases.RegisterRepayment;
import se.region.grantledger.core.api.cases.WithdrawDecision;
import se.region.grantledger.core.model.SupportType;
import se.region.grantledger.web.CommandSender;
import se.region.grantledger.web.RequestIdentity;
import se.region.grantledger.web.cases.CaseRequests.ClosureRequest;
import se.region.grantledger.web.cases.CaseRequests.PaymentRequest;
import se.region.grantledger.web.cases.CaseRequests.RecoveryRequest;
import se.region.grantledger.web.cases.CaseRequests.RepaymentRequest;
import se.region.grantledger.web.cases.CaseRequests.WithdrawalRequest;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The writes every kind of case shares, one endpoint each for projects, business support and commercial service
 * alike ({@code /api/projects/{id}/payments}, {@code /api/business-supports/{id}/payments}, …): the path names the
 * kind, the command is the same, and a case of another kind than the path names is "not found". Each kind answers
 * with its own view ({@link CaseAnswers}). Advances are shared in the core but allowed on projects only, so their
 * endpoint is a project's.
 */
@RestController
@Tag(name = "Cases: payments, recoveries, closure")
class CaseLifecycleController {

    private final CommandSender commands;
    private final Map<SupportType, CaseAnswers> answers = new EnumMap<>(SupportType.class);

    CaseLifecycleController(CommandSender commands, List<CaseAnswers> answers) {
        this.commands = commands;
        answers.forEach(kind -> this.answers.put(kind.type(), kind));
    }

    @PostMapping(CaseKind.PATH + "/payments")
    @Operation(summary = "Propose a payment (a project's names its approved requisition); it is made when another person attests it")
    ResponseEntity<?> proposePayment(@PathVariable String kind, @PathVariable String caseId,
                                     @Valid @RequestBody PaymentRequest body) {
        String paymentId = idOrNew(body.paymentId());
        send(kind, new ProposePayment(caseId, paymentId, blankToNull(body.requisitionId()), body.amount(), body.fund(),
                body.paymentDate(), body.paymentReference()));
        return answers(kind).created(caseId, paymentId);
    }

    @PostMapping(CaseKind.PATH + "/payments/{paymentId}/attestation")
    @Operation(summary = "Attest a proposed payment: money moves (approver; not the proposer, not the requisition's approver)")
    ResponseEntity<?> attest(@PathVariable String kind, @PathVariable String caseId,
                             @PathVariable String paymentId) {
        send(kind, new AttestPayment(caseId, paymentId));
        return answers(kind).viewWithLimits(caseId);
    }

    @PostMapping(CaseKind.PATH + "/recoveries")
    @Operation(summary = "Decide a recovery (återkrav), approver")
    ResponseEntity<?> decideRecovery(@PathVariable String kind, @PathVariable String caseId,
                                     @Valid @RequestBody RecoveryRequest body) {
        String recoveryId = idOrNew(body.recoveryId());
        send(kind, new DecideRecovery(caseId, recoveryId, body.decisionDate(), body.amount(), body.reason()));
        return answers(kind).created(caseId, recoveryId);
    }

    @PostMapping(CaseKind.PATH + "/repayments")
    @Operation(summary = "Register money repaid on a recovery")
    ResponseEntity<?> registerRepayment(@PathVariable String kind, @PathVariable String caseId,
                                        @Valid @RequestBody RepaymentRequest body) {
        send(kind, new RegisterRepayment(caseId, body.recoveryId(), body.amount(), body.receivedOn(), body.reference()));
        return answers(kind).view(caseId);
    }

    @PostMapping(CaseKind.PATH + "/closure")
    @Operation(summary = "Close the case (approver); what was decided and not paid is released to the frame")
    ResponseEntity<?> close(@PathVariable String kind, @PathVariable String caseId,
                            @Valid @RequestBody ClosureRequest body) {
        send(kind, new CloseCase(caseId, body.closedOn(), body.note()));
        return answers(kind).viewWithLimits(caseId);
    }

    @PostMapping(CaseKind.PATH + "/withdrawal")
    @Operation(summary = "Withdraw the decision (approver); what was not paid is released to the frame")
    ResponseEntity<?> withdraw(@PathVariable String kind, @PathVariable String caseId,
                               @Valid @RequestBody WithdrawalRequest body) {
        send(kind, new WithdrawDecision(caseId, body.decisionDate(), body.reason()));
        return answers(kind).viewWithLimits(caseId);
    }

    /** The path's kind goes with the command, so that a case of another kind refuses it as unknown. */
    private void send(String kind, Object command) {
        commands.send(command, Map.of(ExpectedCaseType.METADATA_KEY, CaseKind.ofSegment(kind).type().name()));
    }

    private CaseAnswers answers(String kind) {
        return answers.get(CaseKind.ofSegment(kind).type());
    }

    private static String idOrNew(String given) {
        return given == null || given.isBlank() ? RequestIdentity.newId() : given.trim();
    }

    private static String blankToNull(String given) {
        return given == null || given.isBlank() ? null : given.trim();
    }
}
