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

    List<ImportStep> steps(Map<String, List<ImportRow>> sheets) {
        Set<String> unknown = sheets.keySet().stream().filter(name -> !SHEETS.containsKey(name))
                .collect(Collectors.toCollection(java.util.TreeSet::new));
        if (!unknown.isEmpty()) {
            throw new InvalidValue("import-unknown-sheet", "the template has the sheets " + SHEETS.keySet()
                    + "; this upload also has " + unknown);
        }
        if (sheets.values().stream().allMatch(List::isEmpty)) {
            throw new InvalidValue("import-empty", "the upload has no rows under the header rows of its sheets");
        }
        Map<String, List<ImportRow>> planLines = rows(sheets, "plan_lines").stream().collect(Collectors.groupingBy(
                RowKeys::decision, LinkedHashMap::new, Collectors.toList()));
        List<ImportStep> steps = new ArrayList<>();
        rows(sheets, "frames").forEach(row -> steps.add(registers.frame(row)));
        rows(sheets, "exchange_rates").forEach(row -> steps.add(registers.exchangeRate(row)));
        rows(sheets, "undertakings").forEach(row -> steps.add(registers.undertaking(row)));
        rows(sheets, "projects").forEach(row -> steps.add(project(row)));

        record Dated(LocalDate date, int rank, ImportStep step) {
        }
        List<Dated> dated = new ArrayList<>();
        // A case of business support or commercial service is one row: registered, and decided when it was.
        for (String sheet : List.of("business_supports", "commercial_service")) {
            Function<ImportRow, ImportStep> read = sheet.equals("business_supports") ? supports::businessSupport
                    : supports::commercialService;
            for (ImportRow row : rows(sheets, sheet)) {
                if (row.get("decision_date") == null) {
                    steps.add(read.apply(row));
                } else {
                    dated.add(new Dated(sortDate(row, "decision_date"), 0, read.apply(row)));
                }
            }
        }
        rows(sheets, "decisions").forEach(row -> dated.add(new Dated(sortDate(row, "decision_date"),
                "AMENDMENT".equalsIgnoreCase(row.get("kind")) ? 1 : 0,
                decision(row, planLines.getOrDefault(RowKeys.decision(row), List.of())))));
        rows(sheets, "requisitions").forEach(row -> dated.add(new Dated(sortDate(row, "submitted_on"), 2,
                requisition(row))));
        rows(sheets, "payments").forEach(row -> dated.add(new Dated(sortDate(row, "payment_date"), 3,
                cases.payment(row))));
        rows(sheets, "recoveries").forEach(row -> dated.add(new Dated(sortDate(row, "decision_date"), 4,
                cases.recovery(row))));
        rows(sheets, "repayments").forEach(row -> dated.add(new Dated(sortDate(row, "received_on"), 5,
                cases.repayment(row))));
        dated.stream().sorted(Comparator.comparing(Dated::date).thenComparing(Dated::rank)
                        .thenComparing(d -> d.step().row().sheet()).thenComparing(d -> d.step().row().number()))
                .forEach(d -> steps.add(d.step()));
        return steps;
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

    private static List<ImportRow> rows(Map<String, List<ImportRow>> sheets, String sheet) {
        return sheets.getOrDefault(sheet, List.of());
    }
}
