package se.region.grantledger.bench;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/**
 * Books of a region's earlier years as the import template's workbook (docs/import.md), for the import benchmark:
 * every project registered in three of the ten municipalities, decided with a plan of 1:1 money and ERUF, one
 * requisition approved and paid, over ten years (2000-2009, before the years the REST books generator writes) with
 * a frame for each. Written as a stream, so a hundred thousand projects take a small heap. Seeded: the same count
 * gives the same books.
 */
final class ImportBooks {

    static final int FIRST_YEAR = 2000;
    static final int YEARS = 10;
    /** Västmanland's ten municipalities by their SCB codes. */
    private static final String[] MUNICIPALITIES = {"1904", "1907", "1960", "1961", "1962", "1980", "1981", "1982",
            "1983", "1984"};

    private ImportBooks() {
    }

    /** The workbook, and its rows that run (plan lines run with their decision). */
    record Workbook(byte[] bytes, int rows) {
    }

    static Workbook of(int projects) throws IOException {
        Random random = new Random(projects);
        SXSSFWorkbook workbook = new SXSSFWorkbook(200);
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Map<String, Sheet> sheets = new LinkedHashMap<>();
            Map<String, Integer> next = new LinkedHashMap<>();
            sheet(workbook, sheets, next, "frames", "fund", "year", "frame", "reference");
            sheet(workbook, sheets, next, "projects", "diary_number", "title", "owner_name", "owner_organisation_number",
                    "municipalities", "kind", "goal_area", "period_start", "period_end");
            sheet(workbook, sheets, next, "decisions", "diary_number", "decision_number", "decision_date");
            sheet(workbook, sheets, next, "plan_lines", "diary_number", "decision_number", "funder", "category", "form",
                    "amount");
            sheet(workbook, sheets, next, "requisitions", "diary_number", "requisition", "period_start", "period_end",
                    "submitted_on", "approved_on", "staff");
            sheet(workbook, sheets, next, "payments", "diary_number", "requisition", "amount", "payment_date",
                    "payment_reference");
            long framePerYear = Math.max(1, (projects + YEARS - 1) / YEARS) * 400_000L;
            for (int year = FIRST_YEAR; year < FIRST_YEAR + YEARS; year++) {
                row(sheets, next, "frames", "REGIONAL_1_1", year, framePerYear, "Regleringsbrev " + year);
            }
            for (int i = 0; i < projects; i++) {
                int year = FIRST_YEAR + i % YEARS;
                String diary = "RV" + year + "-" + String.format("%06d", i);
                String decided = String.format("%d-%02d-%02d", year, 1 + random.nextInt(6), 1 + random.nextInt(28));
                int first = random.nextInt(MUNICIPALITIES.length);
                String municipalities = String.join(", ", MUNICIPALITIES[first],
                        MUNICIPALITIES[(first + 3) % MUNICIPALITIES.length], MUNICIPALITIES[(first + 7) % MUNICIPALITIES.length]);
                long regional = 100_000L + 1_000L * random.nextInt(200);
                row(sheets, next, "projects", diary, "Projekt " + i, "Projektägare " + i % 500, "556486-7678",
                        municipalities, "PROJECT", i % 3 == 0 ? "Styrkeområden" : "Tillväxtföretag", year + "-01-01",
                        (year + 2) + "-12-31");
                row(sheets, next, "decisions", diary, "RUN " + year + "/" + i, decided);
                row(sheets, next, "plan_lines", diary, "RUN " + year + "/" + i, "Regionen", "REGIONAL_1_1", "CASH",
                        regional);
                row(sheets, next, "plan_lines", diary, "RUN " + year + "/" + i, "ERUF", "ERUF", "CASH", regional);
                row(sheets, next, "requisitions", diary, "R1", year + "-01-01", year + "-06-30", year + "-07-10",
                        year + "-07-20", regional);
                row(sheets, next, "payments", diary, "R1", regional / 2, year + "-08-01", "UB-" + diary);
            }
            workbook.write(out);
            return new Workbook(out.toByteArray(), YEARS + 4 * projects);
        } finally {
            workbook.dispose();
        }
    }

    private static void sheet(SXSSFWorkbook workbook, Map<String, Sheet> sheets, Map<String, Integer> next,
                              String name, String... columns) {
        Sheet sheet = workbook.createSheet(name);
        sheets.put(name, sheet);
        next.put(name, 0);
        row(sheets, next, name, (Object[]) columns);
    }

    private static void row(Map<String, Sheet> sheets, Map<String, Integer> next, String sheet, Object... cells) {
        int number = next.merge(sheet, 1, Integer::sum) - 1;
        Row row = sheets.get(sheet).createRow(number);
        for (int c = 0; c < cells.length; c++) {
            if (cells[c] instanceof Number value) {
                row.createCell(c).setCellValue(value.doubleValue());
            } else {
                row.createCell(c).setCellValue(String.valueOf(cells[c]));
            }
        }
    }
}
