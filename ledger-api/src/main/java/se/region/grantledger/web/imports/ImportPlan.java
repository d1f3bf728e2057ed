package se.region.grantledger.web.imports;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import se.region.grantledger.core.api.cases.AttestPayment;
import se.region.grantledger.core.api.cases.ProposeAdvance;
import se.region.grantledger.core.api.cases.ProposePayment;
import se.region.grantledger.core.api.limits.AllocateAppropriation;
import se.region.grantledger.core.api.project.AmendGrant;
import se.region.grantledger.core.api.project.ApproveRequisition;
import se.region.grantledger.core.api.project.DecideGrant;
import se.region.grantledger.core.api.project.ProposeGrantDecision;
import se.region.grantledger.core.api.project.RegisterProject;
import se.region.grantledger.core.api.project.SubmitRequisition;
import se.region.grantledger.core.model.AppropriationKey;
import se.region.grantledger.core.model.CostCategory;
import se.region.grantledger.core.model.Fund;
import se.region.grantledger.core.model.Money;
import se.region.grantledger.core.rules.InvalidValue;
import se.region.grantledger.web.cases.CaseRequests.AdvanceRequest;
import se.region.grantledger.web.cases.CaseRequests.PaymentRequest;
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
import java.util.stream.Collectors;

/**
 * The rows of an upload as steps, in the order the books happened (docs/import.md): frames first, then projects,
 * then every decision, requisition and payment by its business date (on one day: decisions, then requisitions, then
 * payments). Each row is read as the REST request the same fact would come in by, so it meets the same checks of
 * shape and value, and then as the same commands, so every funding rule runs.
 */
final class ImportPlan {

    /** The sheets of the template and the columns each must have (more columns are ignored). */
    static final Map<String, List<String>> SHEETS = sheets();

    private final ObjectMapper json;
    private final Validator validator;

    ImportPlan(ObjectMapper json, Validator validator) {
        this.json = json;
        this.validator = validator;
    }

    private static Map<String, List<String>> sheets() {
        Map<String, List<String>> sheets = new LinkedHashMap<>();
        sheets.put("frames", List.of("fund", "year", "frame", "reference"));
        sheets.put("projects", List.of("diary_number", "title", "owner_name", "owner_organisation_number",
                "municipalities", "kind", "goal_area", "period_start", "period_end"));
        sheets.put("decisions", List.of("diary_number", "decision_number", "decision_date"));
        sheets.put("plan_lines", List.of("diary_number", "decision_number", "funder", "category", "form", "amount"));
        sheets.put("requisitions", List.of("diary_number", "requisition", "period_start", "period_end", "submitted_on"));
        sheets.put("payments", List.of("diary_number", "amount", "payment_date", "payment_reference"));
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
                row -> decisionKey(row), LinkedHashMap::new, Collectors.toList()));
        List<ImportStep> steps = new ArrayList<>();
        rows(sheets, "frames").forEach(row -> steps.add(frame(row)));
        rows(sheets, "projects").forEach(row -> steps.add(project(row)));
        record Dated(LocalDate date, int rank, ImportStep step) {
        }
        List<Dated> dated = new ArrayList<>();
        rows(sheets, "decisions").forEach(row -> dated.add(new Dated(sortDate(row, "decision_date"),
                "AMENDMENT".equalsIgnoreCase(row.get("kind")) ? 1 : 0,
                decision(row, planLines.getOrDefault(decisionKey(row), List.of())))));
        rows(sheets, "requisitions").forEach(row -> dated.add(new Dated(sortDate(row, "submitted_on"), 2,
                requisition(row))));
        rows(sheets, "payments").forEach(row -> dated.add(new Dated(sortDate(row, "payment_date"), 3, payment(row))));
        dated.stream().sorted(Comparator.comparing(Dated::date).thenComparing(Dated::rank)
                        .thenComparing(d -> d.step().row().number()))
                .forEach(d -> steps.add(d.step()));
        return steps;
    }

    // --- the rows, each as the requests and commands of the same fact over REST ----------------------------------

    private ImportStep frame(ImportRow row) {
        return new ImportStep("frame:" + row.get("fund") + ":" + row.get("year") + ":" + row.get("frame"), row,
                "the " + row.get("fund") + " frame for " + row.get("year") + ": SEK " + row.get("frame"), commands -> {
            Fund fund = value(row, "fund", Fund.class);
            int year = value(row, "year", Integer.class);
            Money frame = value(row, "frame", Money.class);
            commands.asConfirmer(new AllocateAppropriation(new AppropriationKey(fund, year).id(), fund, year, frame,
                    row.get("reference")));
            return null;
        });
    }

    private ImportStep project(ImportRow row) {
        String diary = row.get("diary_number");
        return new ImportStep(projectKey(diary), row, "project " + diary + " registered", commands -> {
            ObjectNode body = json.createObjectNode();
            body.put("diaryNumber", diary).put("nypsCaseId", row.get("nyps_case_id")).put("title", row.get("title"))
                    .put("kind", upper(row.get("kind"))).put("goalArea", row.get("goal_area"));
            body.putObject("owner").put("name", row.get("owner_name"))
                    .put("organisationNumber", row.get("owner_organisation_number"));
            ArrayNode municipalities = body.putArray("municipalities");
            for (String code : list(row.get("municipalities"))) {
                municipalities.add(code);
            }
            period(body.putObject("period"), row);
            RegisterProjectRequest request = request(row, body, RegisterProjectRequest.class);
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
        return new ImportStep("decision:" + decisionKey(row), row, (amendment ? "amendment " : "grant decision ")
                + row.get("decision_number") + " of " + diary + " on " + row.get("decision_date"), commands -> {
            String projectId = projectOf(commands, row);
            ObjectNode body = json.createObjectNode();
            body.put("decisionNumber", row.get("decision_number")).put("decisionDate", row.get("decision_date"));
            if (amendment) {
                body.put("reason", row.get("reason"));
                if (!lines.isEmpty()) {
                    body.set("plan", plan(lines));
                }
                GrantAmendmentRequest request = request(row, body, GrantAmendmentRequest.class);
                commands.asConfirmer(new AmendGrant(projectId, request.decisionNumber(), request.decisionDate(),
                        request.plan(), request.period(), request.reason()));
                return null;
            }
            ObjectNode proposal = json.createObjectNode();
            proposal.set("plan", plan(lines));
            ArrayNode conditions = proposal.putArray("conditions");
            list(row.get("conditions")).forEach(conditions::add);
            GrantProposalRequest prepared = request(row, proposal, GrantProposalRequest.class);
            GrantDecisionRequest decided = request(row, body, GrantDecisionRequest.class);
            commands.asUploader(new ProposeGrantDecision(projectId, prepared.plan(), prepared.conditions()));
            commands.asConfirmer(new DecideGrant(projectId, decided.decisionNumber(), decided.decisionDate()));
            return null;
        });
    }

    private ImportStep requisition(ImportRow row) {
        String diary = row.get("diary_number");
        return new ImportStep(requisitionKey(diary, row.get("requisition")), row, "requisition " + row.get("requisition")
                + " of " + diary + " submitted " + row.get("submitted_on")
                + (row.get("approved_on") == null ? "" : ", approved " + row.get("approved_on")), commands -> {
            String projectId = projectOf(commands, row);
            ObjectNode body = json.createObjectNode();
            period(body.putObject("period"), row);
            ObjectNode costs = body.putObject("costs");
            for (CostCategory category : CostCategory.values()) {
                String amount = row.get(category.name().toLowerCase(Locale.ROOT));
                if (amount != null) {
                    costs.set(category.name(), json.valueToTree(number(row, category.name().toLowerCase(Locale.ROOT))));
                }
            }
            body.put("submittedOn", row.get("submitted_on"));
            RequisitionRequest request = request(row, body, RequisitionRequest.class);
            String requisitionId = commands.newId();
            commands.asUploader(new SubmitRequisition(projectId, requisitionId, request.period(), request.costs(),
                    Map.of(), request.submittedOn()));
            if (row.get("approved_on") != null) {
                ObjectNode approval = json.createObjectNode().put("decisionDate", row.get("approved_on"));
                approval.putArray("deductions");
                ApprovalRequest approved = request(row, approval, ApprovalRequest.class);
                commands.asConfirmer(new ApproveRequisition(projectId, requisitionId, approved.decisionDate(),
                        approved.deductions()));
            }
            return requisitionId;
        });
    }

    /** Proposed by the confirming person, attested by the uploader: neither approved the requisition it pays. */
    private ImportStep payment(ImportRow row) {
        String diary = row.get("diary_number");
        String reference = row.get("payment_reference");
        return new ImportStep("payment:" + diary + ":" + reference, row, "payment " + reference + " of " + diary
                + ": SEK " + row.get("amount") + " on " + row.get("payment_date"), commands -> {
            String projectId = projectOf(commands, row);
            String paymentId = commands.newId();
            ObjectNode body = json.createObjectNode();
            body.set("amount", json.valueToTree(number(row, "amount")));
            body.put("fund", upper(row.get("fund"))).put("paymentDate", row.get("payment_date"))
                    .put("paymentReference", reference);
            if (row.get("requisition") == null) {
                body.put("reason", row.get("reason"));
                AdvanceRequest advance = request(row, body, AdvanceRequest.class);
                commands.asConfirmer(new ProposeAdvance(projectId, paymentId, advance.amount(), advance.fund(),
                        advance.paymentDate(), advance.paymentReference(), advance.reason()));
            } else {
                String requisitionId = commands.idOf(requisitionKey(diary, row.get("requisition")));
                if (requisitionId == null) {
                    throw new InvalidValue("import-unknown-reference", "requisition " + row.get("requisition") + " of " + diary
                            + " is in no earlier row of the requisitions sheet, of this import or an earlier one");
                }
                PaymentRequest payment = request(row, body, PaymentRequest.class);
                commands.asConfirmer(new ProposePayment(projectId, paymentId, requisitionId, payment.amount(),
                        payment.fund(), payment.paymentDate(), payment.paymentReference()));
            }
            commands.asUploader(new AttestPayment(projectId, paymentId));
            return paymentId;
        });
    }

    // --- reading cells --------------------------------------------------------------------------------------------

    private ArrayNode plan(List<ImportRow> lines) {
        ArrayNode plan = json.createArrayNode();
        for (ImportRow line : lines) {
            plan.addObject().put("funder", line.get("funder")).put("category", upper(line.get("category")))
                    .put("form", upper(line.get("form"))).set("amount", json.valueToTree(number(line, "amount")));
        }
        return plan;
    }

    private static void period(ObjectNode period, ImportRow row) {
        period.put("start", row.get("period_start")).put("end", row.get("period_end"));
    }

    private static String projectOf(ImportCommands commands, ImportRow row) {
        String projectId = commands.idOf(projectKey(row.get("diary_number")));
        if (projectId == null) {
            throw new InvalidValue("import-unknown-reference", "project " + row.get("diary_number") + " is in no row of the projects sheet, of"
                    + " this import or an earlier one");
        }
        return projectId;
    }

    /** The request a REST client would send, read by the same mapper and checked by the same constraints. */
    private <T> T request(ImportRow row, ObjectNode body, Class<T> type) {
        T request;
        try {
            request = json.treeToValue(body, type);
        } catch (Exception unreadable) {
            throw refusal(unreadable, row.where() + ": " + firstLine(unreadable.getMessage()));
        }
        Set<ConstraintViolation<T>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            throw new InvalidValue("import-cell", row.where() + ": " + violations.stream()
                    .map(v -> v.getPropertyPath() + " " + v.getMessage()).sorted().collect(Collectors.joining("; ")));
        }
        return request;
    }

    private <T> T value(ImportRow row, String column, Class<T> type) {
        String text = row.get(column);
        if (text == null) {
            throw new InvalidValue("import-cell", row.where() + ": " + column + " is empty");
        }
        try {
            Object raw = type == Money.class || type == Integer.class ? number(row, column) : upper(text);
            return json.convertValue(raw, type);
        } catch (IllegalArgumentException unreadable) {
            throw refusal(unreadable, row.where() + ": " + column + " is not valid: " + text);
        }
    }

    /** The value object's own refusal when it gave one (its rule and words), else the cell's. */
    private static InvalidValue refusal(Exception unreadable, String otherwise) {
        Throwable cause = unreadable;
        while (cause.getCause() != null && !(cause instanceof InvalidValue)) {
            cause = cause.getCause();
        }
        return cause instanceof InvalidValue invalid ? invalid : new InvalidValue("import-cell", otherwise);
    }

    /** An amount as a finance officer writes it: "1 234 567,50" or "1234567.50". */
    private static java.math.BigDecimal number(ImportRow row, String column) {
        String text = row.get(column);
        if (text == null) {
            return null;
        }
        String plain = text.replace("\u00a0", "").replace(" ", "").replace(',', '.');
        try {
            return new java.math.BigDecimal(plain);
        } catch (NumberFormatException e) {
            throw new InvalidValue("import-cell", row.where() + ": " + column + " is not a number: " + text);
        }
    }

    private static LocalDate sortDate(ImportRow row, String column) {
        try {
            return LocalDate.parse(row.get(column));
        } catch (RuntimeException unreadable) {
            return LocalDate.MAX;
        }
    }

    private static List<ImportRow> rows(Map<String, List<ImportRow>> sheets, String sheet) {
        return sheets.getOrDefault(sheet, List.of());
    }

    private static List<String> list(String cell) {
        if (cell == null) {
            return List.of();
        }
        return java.util.Arrays.stream(cell.split("[,;\\n]")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static String upper(String cell) {
        return cell == null ? null : cell.trim().toUpperCase(Locale.ROOT).replace(' ', '_');
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }

    static String projectKey(String diary) {
        return "project:" + diary;
    }

    private static String requisitionKey(String diary, String requisition) {
        return "requisition:" + diary + ":" + requisition;
    }

    private static String decisionKey(ImportRow row) {
        return row.get("diary_number") + ":" + row.get("decision_number");
    }
}
