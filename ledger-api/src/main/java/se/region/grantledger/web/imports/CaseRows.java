package se.region.grantledger.web.imports;

import com.fasterxml.jackson.databind.node.ObjectNode;
import se.region.grantledger.core.api.cases.AttestPayment;
import se.region.grantledger.core.api.cases.DecideRecovery;
import se.region.grantledger.core.api.cases.ProposeAdvance;
import se.region.grantledger.core.api.cases.ProposePayment;
import se.region.grantledger.core.api.cases.RegisterRepayment;
import se.region.grantledger.core.rules.InvalidValue;
import se.region.grantledger.web.cases.CaseRequests.AdvanceRequest;
import se.region.grantledger.web.cases.CaseRequests.PaymentRequest;
import se.region.grantledger.web.cases.CaseRequests.RecoveryRequest;
import se.region.grantledger.web.cases.CaseRequests.RepaymentRequest;
import se.region.grantledger.web.imports.ImportSheets.ImportRow;
import se.region.grantledger.web.imports.ImportStep.ImportCommands;

import static se.region.grantledger.web.imports.ImportCells.upper;

/**
 * What every kind of case shares: payments (a project's by its requisition, or as an advance), recoveries, and
 * money repaid on them. A row names its case by diary number, whether a project, business support or commercial
 * service.
 */
final class CaseRows {

    private final ImportCells cells;

    CaseRows(ImportCells cells) {
        this.cells = cells;
    }

    /** Proposed by the confirming person, attested by the uploader: neither approved the requisition it pays. */
    ImportStep payment(ImportRow row) {
        String diary = row.get("diary_number");
        String reference = row.get("payment_reference");
        return new ImportStep(RowKeys.payment(diary, reference), row, "payment " + reference + " of " + diary
                + ": SEK " + row.get("amount") + " on " + row.get("payment_date"), commands -> {
            String projectId = commands.idOf(RowKeys.project(diary));
            String caseId = projectId != null ? projectId : supportCaseOf(commands, row);
            String paymentId = commands.newId();
            ObjectNode body = cells.object();
            cells.amount(body, "amount", row, "amount");
            body.put("fund", upper(row.get("fund"))).put("paymentDate", row.get("payment_date"))
                    .put("paymentReference", reference);
            if (projectId != null && row.get("requisition") == null) {
                body.put("reason", row.get("reason"));
                AdvanceRequest advance = cells.request(row, body, AdvanceRequest.class);
                commands.asConfirmer(new ProposeAdvance(caseId, paymentId, advance.amount(), advance.fund(),
                        advance.paymentDate(), advance.paymentReference(), advance.reason()));
            } else {
                String requisitionId = projectId == null ? null : requisitionOf(commands, row);
                PaymentRequest payment = cells.request(row, body, PaymentRequest.class);
                commands.asConfirmer(new ProposePayment(caseId, paymentId, requisitionId, payment.amount(),
                        payment.fund(), payment.paymentDate(), payment.paymentReference()));
            }
            commands.asUploader(new AttestPayment(caseId, paymentId));
            return paymentId;
        });
    }

    /** A recovery (återkrav) is an approver's decision: the confirming person's. */
    ImportStep recovery(ImportRow row) {
        String diary = row.get("diary_number");
        return new ImportStep(RowKeys.recovery(diary, row.get("recovery")), row, "recovery " + row.get("recovery")
                + " of " + diary + ": SEK " + row.get("amount") + " decided " + row.get("decision_date"), commands -> {
            String caseId = caseOf(commands, row);
            ObjectNode body = cells.object().put("decisionDate", row.get("decision_date"))
                    .put("reason", row.get("reason"));
            cells.amount(body, "amount", row, "amount");
            RecoveryRequest request = cells.request(row, body, RecoveryRequest.class);
            String recoveryId = commands.newId();
            commands.asConfirmer(new DecideRecovery(caseId, recoveryId, request.decisionDate(), request.amount(),
                    request.reason()));
            return recoveryId;
        });
    }

    ImportStep repayment(ImportRow row) {
        String diary = row.get("diary_number");
        String reference = row.get("reference");
        return new ImportStep(RowKeys.repayment(diary, reference), row, "repayment " + reference + " on recovery "
                + row.get("recovery") + " of " + diary + ": SEK " + row.get("amount") + " received "
                + row.get("received_on"), commands -> {
            String caseId = caseOf(commands, row);
            String recoveryId = commands.idOf(RowKeys.recovery(diary, row.get("recovery")));
            if (recoveryId == null) {
                throw new InvalidValue("import-unknown-reference", "recovery " + row.get("recovery") + " of " + diary
                        + " is in no earlier row of the recoveries sheet, of this import or an earlier one");
            }
            ObjectNode body = cells.object().put("recoveryId", recoveryId).put("receivedOn", row.get("received_on"))
                    .put("reference", reference);
            cells.amount(body, "amount", row, "amount");
            RepaymentRequest request = cells.request(row, body, RepaymentRequest.class);
            commands.asUploader(new RegisterRepayment(caseId, recoveryId, request.amount(), request.receivedOn(),
                    request.reference()));
            return null;
        });
    }

    /** The case the row names by its diary number, whichever kind it is. */
    private static String caseOf(ImportCommands commands, ImportRow row) {
        String projectId = commands.idOf(RowKeys.project(row.get("diary_number")));
        return projectId != null ? projectId : supportCaseOf(commands, row);
    }

    /** The business support or commercial service the row names, once it is known to be no project. */
    private static String supportCaseOf(ImportCommands commands, ImportRow row) {
        String diary = row.get("diary_number");
        for (String key : new String[]{RowKeys.businessSupport(diary), RowKeys.commercialService(diary)}) {
            String id = commands.idOf(key);
            if (id != null) {
                return id;
            }
        }
        throw new InvalidValue("import-unknown-reference", "case " + diary + " is in no row of the projects,"
                + " business_supports or commercial_service sheets, of this import or an earlier one");
    }

    private static String requisitionOf(ImportCommands commands, ImportRow row) {
        String requisitionId = commands.idOf(RowKeys.requisition(row.get("diary_number"), row.get("requisition")));
        if (requisitionId == null) {
            throw new InvalidValue("import-unknown-reference", "requisition " + row.get("requisition") + " of "
                    + row.get("diary_number") + " is in no earlier row of the requisitions sheet, of this import or an"
                    + " earlier one");
        }
        return requisitionId;
    }
}
