package se.region.grantledger.imports;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A workbook of the import template (docs/import.md) built row by row, as a finance officer would fill it in. */
public final class TemplateWorkbook {

    private final Map<String, List<String>> headers = new LinkedHashMap<>();
    private final Map<String, List<List<Object>>> rows = new LinkedHashMap<>();

    public TemplateWorkbook sheet(String name, String... columns) {
        headers.put(name, List.of(columns));
        rows.put(name, new java.util.ArrayList<>());
        return this;
    }

    /** A row of the sheet, its cells in the order of the sheet's columns. */
    public TemplateWorkbook row(String sheet, Object... cells) {
        rows.get(sheet).add(java.util.Arrays.asList(cells));
        return this;
    }

    /** Rows of the sheet so far, the header not counted: the next row's number in Excel is this plus two. */
    public int size(String sheet) {
        return rows.get(sheet).size();
    }

    public byte[] bytes() {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            headers.forEach((name, columns) -> {
                Sheet sheet = workbook.createSheet(name);
                Row header = sheet.createRow(0);
                for (int c = 0; c < columns.size(); c++) {
                    header.createCell(c).setCellValue(columns.get(c));
                }
                List<List<Object>> sheetRows = rows.get(name);
                for (int r = 0; r < sheetRows.size(); r++) {
                    Row row = sheet.createRow(r + 1);
                    for (int c = 0; c < sheetRows.get(r).size(); c++) {
                        Object value = sheetRows.get(r).get(c);
                        if (value instanceof Number number) {
                            row.createCell(c).setCellValue(number.doubleValue());
                        } else if (value != null) {
                            row.createCell(c).setCellValue(value.toString());
                        }
                    }
                }
            });
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The template's sheets with their columns, empty. */
    public static TemplateWorkbook template() {
        return new TemplateWorkbook()
                .sheet("frames", "fund", "year", "frame", "reference")
                .sheet("exchange_rates", "currency", "date", "sek_per_unit", "source")
                .sheet("undertakings", "undertaking_id", "name", "organisation_numbers")
                .sheet("projects", "diary_number", "title", "owner_name", "owner_organisation_number", "municipalities",
                        "kind", "goal_area", "period_start", "period_end", "nyps_case_id")
                .sheet("decisions", "diary_number", "decision_number", "decision_date", "kind", "reason", "conditions")
                .sheet("plan_lines", "diary_number", "decision_number", "funder", "category", "form", "amount")
                .sheet("requisitions", "diary_number", "requisition", "period_start", "period_end", "submitted_on",
                        "approved_on", "staff", "external_services", "travel", "investments", "flat_rate_indirect",
                        "in_kind")
                .sheet("business_supports", "diary_number", "organisation_number", "company_name", "municipality",
                        "led_by_woman", "led_by_person_born_abroad", "support_type", "fund", "purpose",
                        "decision_number", "decision_date", "amount")
                .sheet("commercial_service", "diary_number", "recipient_name", "recipient_organisation_number",
                        "recipient_kind", "municipality", "service_type", "year", "net_cost", "decision_number",
                        "decision_date", "amount")
                .sheet("payments", "diary_number", "requisition", "amount", "fund", "payment_date", "payment_reference",
                        "reason")
                .sheet("recoveries", "diary_number", "recovery", "decision_date", "amount", "reason")
                .sheet("repayments", "diary_number", "recovery", "amount", "received_on", "reference");
    }
}
