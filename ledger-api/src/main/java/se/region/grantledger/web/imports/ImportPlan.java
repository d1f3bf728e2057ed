package se.region.grantledger.web.imports;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.validation.Validator;
import se.region.grantledger.core.api.project.AmendGrant;
import se.region.grantledger.core.api.project.ApproveRequisition;
import se.region.grantledger.core.api.project.DecideGrant;
import se.region.grantledger.core.api.project.ProposeGrantDecision;
import se.region.grantledger.core.api.project.RegisterProject;
import se.region.grantledger.core.api.project.SubmitRequisition;
import se.region.grantledger.core.model.CostCategory;
import se.region.grantledger.core.rules.InvalidValue;
import se.region.grantledger.web.imports.ImportSheets.ImportRow;
import se.region.grantledger.web.imports.ImportStep.ImportCommands;
import se.region.grantledger.web.project.ProjectRequests.ApprovalRequest;
import se.region.grantledger.web.project.ProjectRequests.GrantAmendmentRequest;
import se.region.grantledger.web.project.ProjectRequests.GrantDecisionRequest;
import se.region.grantledger.web.project.ProjectRequests.GrantProposalRequest;
import se.region.grantledger.web.project.ProjectRequests.RegisterProjectRequest;
import se.region.grantledger.web.project.ProjectRequests.RequisitionRequest;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import static se.region.grantledger.web.imports.ImportCells.list;
import static se.region.grantledger.web.imports.ImportCells.sortDate;
import static se.region.grantledger.web.imports.ImportCells.upper;

/**
 * The rows of an upload as steps, in the order the books happened (docs/import.md): frames, euro rates and single
 * undertakings first, then the cases, then every decision, requisition, payment, recovery and repayment by its
 * business date (on one day in that order). Each row is read as the REST request the same fact would come in by,
 * so it meets the same checks of shape and value, and then as the same commands, so every funding rule runs.
 * Projects are read here; payments and money coming back in {@link CaseRows}, business support and commercial
 * service in {@link SupportRows}, frames, rates and undertakings in {@link RegisterRows}.
 */
final class ImportPlan {

    /** The sheets of the template and the columns each must have (more columns are ignored). */
    static final Map<String, List<String>> SHEETS = sheets();

    private final ImportCells cells;
    private final RegisterRows registers;
    private final SupportRows supports;
    private final CaseRows cases;

    ImportPlan(ObjectMapper json, Validator validator) {
        this.cells = new ImportCells(json, validator);
        this.registers = new RegisterRows(cells);
        this.supports = new SupportRows(cells);
        this.cases = new CaseRows(cells);
    }

    private static Map<String, List<String>> sheets() {
        Map<String, List<String>> sheets = new LinkedHashMap<>();
        sheets.put("frames", List.of("fund", "year", "frame", "reference"));
        sheets.put("exchange_rates", List.of("currency", "date", "sek_per_unit", "source"));
        sheets.put("undertakings", List.of("undertaking_id", "name", "organisation_numbers"));
        sheets.put("projects", List.of("diary_number", "title", "owner_name", "owner_organisation_number",
                "municipalities", "kind", "goal_area", "period_start", "period_end"));
        sheets.put("decisions", List.of("diary_number", "decision_number", "decision_date"));
        sheets.put("plan_lines", List.of("diary_number", "decision_number", "funder", "category", "form", "amount"));
        sheets.put("requisitions", List.of("diary_number", "requisition", "period_start", "period_end", "submitted_on"));
        sheets.put("business_supports", List.of("diary_number", "organisation_number", "company_name", "municipality",
                "support_type", "purpose"));
        sheets.put("commercial_service", List.of("diary_number", "recipient_name", "recipient_organisation_number",
                "recipient_kind", "municipality", "service_type", "year", "net_cost"));
        sheets.put("payments", List.of("diary_number", "amount", "payment_date", "payment_reference"));
        sheets.put("recoveries", List.of("diary_number", "recovery", "decision_date", "amount", "reason"));
        sheets.put("repayments", List.of("diary_number", "recovery", "amount", "received_on", "reference"));
        return sheets;
    }

    /** An upload's sheet must be one of the template's. */
    static void checkSheet(String name) {
        if (!SHEETS.containsKey(name)) {
            throw new InvalidValue("import-unknown-sheet", "the template has the sheets " + SHEETS.keySet()
                    + "; this upload also has " + name);
        }
    }

    /**
     * Where a row runs in the order of the books: by phase (frames, rates, undertakings, projects, cases not yet
     * decided, then everything dated), then by business date, then by rank on one day (decisions and supports,
     * amendments, requisitions, payments, recoveries, repayments), then by sheet and row. A date that cannot be read
     * sorts last, where the row is refused for it. Plan lines have no place of their own: they run with their
     * decision, found by its key.
     */
    record Place(Integer phase, LocalDate sortDate, Integer rank, String groupKey) {
    }

    static Place place(ImportRow row) {
        return switch (row.sheet()) {
            case "frames" -> new Place(0, null, null, null);
            case "exchange_rates" -> new Place(1, null, null, null);
            case "undertakings" -> new Place(2, null, null, null);
            case "projects" -> new Place(3, null, null, null);
            case "business_supports", "commercial_service" -> row.get("decision_date") == null
                    ? new Place(4, null, null, null) : dated(row, "decision_date", 0);
            case "decisions" -> dated(row, "decision_date", "AMENDMENT".equalsIgnoreCase(row.get("kind")) ? 1 : 0);
            case "requisitions" -> dated(row, "submitted_on", 2);
            case "payments" -> dated(row, "payment_date", 3);
            case "recoveries" -> dated(row, "decision_date", 4);
            case "repayments" -> dated(row, "received_on", 5);
            case "plan_lines" -> new Place(null, null, null, RowKeys.decision(row));
            default -> throw new IllegalArgumentException("no place for the sheet " + row.sheet());
        };
    }

    private static Place dated(ImportRow row, String column, int rank) {
        LocalDate date = sortDate(row, column);
        return new Place(5, date.equals(LocalDate.MAX) ? null : date, rank, null);
    }

    /** The row as the commands it becomes; a decision takes its plan lines along. */
    ImportStep step(ImportRow row, Function<ImportRow, List<ImportRow>> planLinesOf) {
        return switch (row.sheet()) {
            case "frames" -> registers.frame(row);
            case "exchange_rates" -> registers.exchangeRate(row);
            case "undertakings" -> registers.undertaking(row);
            case "projects" -> project(row);
            case "business_supports" -> supports.businessSupport(row);
            case "commercial_service" -> supports.commercialService(row);
            case "decisions" -> decision(row, planLinesOf.apply(row));
            case "requisitions" -> requisition(row);
            case "payments" -> cases.payment(row);
            case "recoveries" -> cases.recovery(row);
            case "repayments" -> cases.repayment(row);
            default -> throw new IllegalArgumentException("no step for the sheet " + row.sheet());
        };
    }

    // --- the rows, each as the requests and commands of the same fact over REST ----------------------------------

    private ImportStep project(ImportRow row) {
        String diary = row.get("diary_number");
        return new ImportStep(RowKeys.project(diary), row, "project " + diary + " registered", commands -> {
            ObjectNode body = cells.object();
            body.put("diaryNumber", diary).put("nypsCaseId", row.get("nyps_case_id")).put("title", row.get("title"))
                    .put("kind", upper(row.get("kind"))).put("goalArea", row.get("goal_area"));
            body.putObject("owner").put("name", row.get("owner_name"))
                    .put("organisationNumber", row.get("owner_organisation_number"));
            ArrayNode municipalities = body.putArray("municipalities");
            for (String code : list(row.get("municipalities"))) {
                municipalities.add(code);
            }
            period(body.putObject("period"), row);
            RegisterProjectRequest request = cells.request(row, body, RegisterProjectRequest.class);
            String projectId = commands.newId();
            commands.asUploader(new RegisterProject(projectId, request.diaryNumber().trim(), request.nypsCaseId(),
                    request.title(), request.owner(), request.municipalities(), request.kind(), request.goalArea(),
                    request.period()));
            return projectId;
        });
    }

    private ImportStep decision(ImportRow row, List<ImportRow> lines) {
        String diary = row.get("diary_number");
        boolean amendment = "AMENDMENT".equalsIgnoreCase(row.get("kind"));
        return new ImportStep(RowKeys.decisionStep(row), row, (amendment ? "amendment " : "grant decision ")
                + row.get("decision_number") + " of " + diary + " on " + row.get("decision_date"), commands -> {
            String projectId = projectOf(commands, row);
            ObjectNode body = cells.object();
            body.put("decisionNumber", row.get("decision_number")).put("decisionDate", row.get("decision_date"));
            if (amendment) {
                body.put("reason", row.get("reason"));
                if (!lines.isEmpty()) {
                    body.set("plan", plan(lines));
                }
                GrantAmendmentRequest request = cells.request(row, body, GrantAmendmentRequest.class);
                commands.asConfirmer(new AmendGrant(projectId, request.decisionNumber(), request.decisionDate(),
                        request.plan(), request.period(), request.reason()));
                return null;
            }
            ObjectNode proposal = cells.object();
            proposal.set("plan", plan(lines));
            ArrayNode conditions = proposal.putArray("conditions");
            list(row.get("conditions")).forEach(conditions::add);
            GrantProposalRequest prepared = cells.request(row, proposal, GrantProposalRequest.class);
            GrantDecisionRequest decided = cells.request(row, body, GrantDecisionRequest.class);
            commands.asUploader(new ProposeGrantDecision(projectId, prepared.plan(), prepared.conditions()));
            commands.asConfirmer(new DecideGrant(projectId, decided.decisionNumber(), decided.decisionDate()));
            return null;
        });
    }

    private ImportStep requisition(ImportRow row) {
        String diary = row.get("diary_number");
        return new ImportStep(RowKeys.requisition(diary, row.get("requisition")), row, "requisition " + row.get("requisition")
                + " of " + diary + " submitted " + row.get("submitted_on")
                + (row.get("approved_on") == null ? "" : ", approved " + row.get("approved_on")), commands -> {
            String projectId = projectOf(commands, row);
            ObjectNode body = cells.object();
            period(body.putObject("period"), row);
            ObjectNode costs = body.putObject("costs");
            for (CostCategory category : CostCategory.values()) {
                String amount = row.get(category.name().toLowerCase(Locale.ROOT));
                if (amount != null) {
                    cells.amount(costs, category.name(), row, category.name().toLowerCase(Locale.ROOT));
                }
            }
            body.put("submittedOn", row.get("submitted_on"));
            RequisitionRequest request = cells.request(row, body, RequisitionRequest.class);
            String requisitionId = commands.newId();
            commands.asUploader(new SubmitRequisition(projectId, requisitionId, request.period(), request.costs(),
                    Map.of(), request.submittedOn()));
            if (row.get("approved_on") != null) {
                ObjectNode approval = cells.object().put("decisionDate", row.get("approved_on"));
                approval.putArray("deductions");
                ApprovalRequest approved = cells.request(row, approval, ApprovalRequest.class);
                commands.asConfirmer(new ApproveRequisition(projectId, requisitionId, approved.decisionDate(),
                        approved.deductions()));
            }
            return requisitionId;
        });
    }

    private ArrayNode plan(List<ImportRow> lines) {
        ArrayNode plan = cells.object().arrayNode();
        for (ImportRow line : lines) {
            ObjectNode planLine = plan.addObject().put("funder", line.get("funder"))
                    .put("category", upper(line.get("category"))).put("form", upper(line.get("form")));
            cells.amount(planLine, "amount", line, "amount");
        }
        return plan;
    }

    private static void period(ObjectNode period, ImportRow row) {
        period.put("start", row.get("period_start")).put("end", row.get("period_end"));
    }

    static String projectOf(ImportCommands commands, ImportRow row) {
        String projectId = commands.idOf(RowKeys.project(row.get("diary_number")));
        if (projectId == null) {
            throw new InvalidValue("import-unknown-reference", "project " + row.get("diary_number") + " is in no row of"
                    + " the projects sheet, of this import or an earlier one");
        }
        return projectId;
    }
}
