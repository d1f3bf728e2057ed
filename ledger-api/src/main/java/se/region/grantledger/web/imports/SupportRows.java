package se.region.grantledger.web.imports;

import com.fasterxml.jackson.databind.node.ObjectNode;
import se.region.grantledger.core.api.support.DecideBusinessSupport;
import se.region.grantledger.core.api.support.DecideCommercialServiceGrant;
import se.region.grantledger.core.api.support.RegisterBusinessSupport;
import se.region.grantledger.core.api.support.RegisterCommercialServiceGrant;
import se.region.grantledger.core.model.Fund;
import se.region.grantledger.web.imports.ImportSheets.ImportRow;
import se.region.grantledger.web.support.SupportRequests.DecisionRequest;
import se.region.grantledger.web.support.SupportRequests.RegisterBusinessSupportRequest;
import se.region.grantledger.web.support.SupportRequests.RegisterCommercialServiceRequest;

import static se.region.grantledger.web.imports.ImportCells.upper;

/**
 * Business support to a company and support to commercial service, one row a case: registered by the uploader as a
 * case officer would, and, when the row has a decision date, decided by the confirming person, so de minimis, the
 * euro rate of the decision day, the net-cost share and the year's frame are all checked as over REST.
 */
final class SupportRows {

    private final ImportCells cells;

    SupportRows(ImportCells cells) {
        this.cells = cells;
    }

    ImportStep businessSupport(ImportRow row) {
        String diary = row.get("diary_number");
        return new ImportStep(RowKeys.businessSupport(diary), row, "business support " + diary + " to "
                + row.get("company_name") + decided(row), commands -> {
            ObjectNode body = cells.object().put("diaryNumber", diary).put("supportType", upper(row.get("support_type")))
                    .put("fund", upper(row.get("fund"))).put("purpose", row.get("purpose"));
            body.putObject("company").put("organisationNumber", row.get("organisation_number"))
                    .put("name", row.get("company_name")).put("municipality", row.get("municipality"))
                    .put("ledByWoman", ImportCells.yesOrNo(row, "led_by_woman"))
                    .put("ledByPersonBornAbroad", ImportCells.yesOrNo(row, "led_by_person_born_abroad"));
            RegisterBusinessSupportRequest request = cells.request(row, body, RegisterBusinessSupportRequest.class);
            String caseId = commands.newId();
            commands.asUploader(new RegisterBusinessSupport(caseId, request.diaryNumber().trim(), request.company(),
                    request.supportType(), request.fund() == null ? Fund.REGIONAL_1_1 : request.fund(),
                    request.purpose()));
            DecisionRequest decision = decision(row);
            if (decision != null) {
                commands.asConfirmer(new DecideBusinessSupport(caseId, decision.decisionNumber(),
                        decision.decisionDate(), decision.amount()));
            }
            return caseId;
        });
    }

    ImportStep commercialService(ImportRow row) {
        String diary = row.get("diary_number");
        return new ImportStep(RowKeys.commercialService(diary), row, "commercial service " + diary + " to "
                + row.get("recipient_name") + decided(row), commands -> {
            ObjectNode body = cells.object().put("diaryNumber", diary)
                    .put("recipientKind", upper(row.get("recipient_kind"))).put("municipality", row.get("municipality"))
                    .put("serviceType", upper(row.get("service_type")));
            body.put("year", cells.value(row, "year", Integer.class).intValue());
            cells.amount(body, "netCost", row, "net_cost");
            body.putObject("recipient").put("name", row.get("recipient_name"))
                    .put("organisationNumber", row.get("recipient_organisation_number"));
            RegisterCommercialServiceRequest request = cells.request(row, body, RegisterCommercialServiceRequest.class);
            String grantId = commands.newId();
            commands.asUploader(new RegisterCommercialServiceGrant(grantId, request.diaryNumber().trim(),
                    request.recipient(), request.recipientKind(), request.municipality(), request.serviceType(),
                    request.year(), request.netCost()));
            DecisionRequest decision = decision(row);
            if (decision != null) {
                commands.asConfirmer(new DecideCommercialServiceGrant(grantId, decision.decisionNumber(),
                        decision.decisionDate(), decision.amount()));
            }
            return grantId;
        });
    }

    /** The decision the row records, if it has a decision date; its number and amount are then required. */
    private DecisionRequest decision(ImportRow row) {
        if (row.get("decision_date") == null) {
            return null;
        }
        ObjectNode body = cells.object().put("decisionNumber", row.get("decision_number"))
                .put("decisionDate", row.get("decision_date"));
        cells.amount(body, "amount", row, "amount");
        return cells.request(row, body, DecisionRequest.class);
    }

    private static String decided(ImportRow row) {
        return row.get("decision_date") == null ? ", registered"
                : ", decided " + row.get("decision_date") + ": SEK " + row.get("amount");
    }
}
