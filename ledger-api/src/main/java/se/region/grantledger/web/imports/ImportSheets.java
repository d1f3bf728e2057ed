package se.region.grantledger.web.imports;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import se.region.grantledger.core.rules.InvalidValue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An upload's rows by sheet (docs/import.md): an .xlsx workbook as a finance officer fills it in, or CSV files, each
 * becoming the sheet named after its file. Row 1 of a sheet names its columns; a column's name is read in lower case
 * with spaces as underscores. Cells are read as text the way they show: a date cell as an ISO date, a number as a
 * plain decimal, whatever Excel's format.
 */
final class ImportSheets {

    /** The comment column the dry-run workbook adds to every sheet. */
    static final String COMMENT_COLUMN = "kommentar / comment";

    private ImportSheets() {
    }

    /** One row of a sheet: its number as Excel shows it (the header is row 1) and its cells by column. */
    record ImportRow(String sheet, int number, Map<String, String> cells) {

        /** The cell's text, trimmed; null when the column is missing or the cell is empty. */
        String get(String column) {
            String value = cells.get(column);
            return value == null || value.isBlank() ? null : value.trim();
        }

        String where() {
            return sheet + " row " + number;
        }
    }

    /** A file as it came: its name and bytes. */
    record Upload(String fileName, byte[] bytes) {
    }

    /** The upload as one workbook: an .xlsx as it is; CSV files as the sheets of a new workbook. */
    static byte[] workbookOf(List<Upload> files) {
        if (files.isEmpty()) {
            throw new InvalidValue("import-empty", "an import needs an .xlsx workbook or one or more .csv files");
        }
        if (files.size() == 1 && files.get(0).fileName().toLowerCase(Locale.ROOT).endsWith(".xlsx")) {
            read(files.get(0).bytes());
            return files.get(0).bytes();
        }
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (Upload file : files) {
                String name = file.fileName().toLowerCase(Locale.ROOT);
                if (!name.endsWith(".csv")) {
                    throw new InvalidValue("import-file-type", "an import takes one .xlsx workbook or .csv files, not "
                            + file.fileName());
                }
                String sheetName = name.substring(name.lastIndexOf('/') + 1, name.length() - 4);
                if (workbook.getSheet(sheetName) != null) {
                    throw new InvalidValue("import-file-type", "two CSV files for the sheet " + sheetName);
                }
                Sheet sheet = workbook.createSheet(sheetName);
                List<List<String>> lines = Csv.parse(new String(file.bytes(), StandardCharsets.UTF_8));
                for (int r = 0; r < lines.size(); r++) {
                    Row row = sheet.createRow(r);
                    for (int c = 0; c < lines.get(r).size(); c++) {
                        row.createCell(c).setCellValue(lines.get(r).get(c));
                    }
                }
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new InvalidValue("import-unreadable", "the CSV files could not be read: " + e.getMessage());
        }
    }

    /** Every sheet's rows, empty rows left out; sheet names in lower case. */
    static Map<String, List<ImportRow>> read(byte[] xlsx) {
        Map<String, List<ImportRow>> sheets = new LinkedHashMap<>();
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            for (Sheet sheet : workbook) {
                String name = sheet.getSheetName().trim().toLowerCase(Locale.ROOT);
                Row header = sheet.getRow(sheet.getFirstRowNum());
                List<ImportRow> rows = new ArrayList<>();
                if (header != null) {
                    List<String> columns = new ArrayList<>();
                    for (int c = 0; c < header.getLastCellNum(); c++) {
                        String column = text(header.getCell(c));
                        columns.add(column == null ? "" : column.trim().toLowerCase(Locale.ROOT).replace(' ', '_'));
                    }
                    for (int r = header.getRowNum() + 1; r <= sheet.getLastRowNum(); r++) {
                        Row row = sheet.getRow(r);
                        Map<String, String> cells = new LinkedHashMap<>();
                        for (int c = 0; row != null && c < columns.size(); c++) {
                            String value = text(row.getCell(c));
                            if (value != null && !value.isBlank() && !columns.get(c).isEmpty()) {
                                cells.put(columns.get(c), value);
                            }
                        }
                        if (!cells.isEmpty()) {
                            rows.add(new ImportRow(name, r + 1, cells));
                        }
                    }
                }
                sheets.put(name, rows);
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof InvalidValue invalid) {
                throw invalid;
            }
            throw new InvalidValue("import-unreadable", "the file is not a readable .xlsx workbook: " + e.getMessage());
        }
        return sheets;
    }

    /** The same workbook with a comment beside every row the dry run judged: what it would create, or why not. */
    static byte[] withComments(byte[] xlsx, Map<String, Map<Integer, String>> comments) {
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx));
             ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (Sheet sheet : workbook) {
                Map<Integer, String> ofSheet = comments.getOrDefault(sheet.getSheetName().trim().toLowerCase(Locale.ROOT),
                        Map.of());
                Row header = sheet.getRow(sheet.getFirstRowNum());
                if (header == null) {
                    continue;
                }
                int column = Math.max(header.getLastCellNum(), 0);
                header.createCell(column).setCellValue(COMMENT_COLUMN);
                ofSheet.forEach((number, comment) -> {
                    Row row = sheet.getRow(number - 1) != null ? sheet.getRow(number - 1) : sheet.createRow(number - 1);
                    row.createCell(column).setCellValue(comment);
                });
                sheet.setColumnWidth(column, 120 * 256);
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException("the stored workbook could not be read again", e);
        }
    }

    private static String text(Cell cell) {
        if (cell == null) {
            return null;
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        return switch (type) {
            case STRING -> cell.getStringCellValue();
            case BOOLEAN -> String.valueOf(cell.getBooleanCellValue());
            case NUMERIC -> DateUtil.isCellDateFormatted(cell)
                    ? cell.getLocalDateTimeCellValue().toLocalDate().toString()
                    : BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros().toPlainString();
            default -> null;
        };
    }

    /** RFC 4180 CSV with a comma or, as Swedish Excel writes it, a semicolon between fields (read off the header). */
    static final class Csv {

        private Csv() {
        }

        static List<List<String>> parse(String text) {
            String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
            int firstLineEnd = body.indexOf('\n') < 0 ? body.length() : body.indexOf('\n');
            char separator = body.substring(0, firstLineEnd).contains(";") ? ';' : ',';
            List<List<String>> lines = new ArrayList<>();
            List<String> fields = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean quoted = false;
            for (int i = 0; i < body.length(); i++) {
                char c = body.charAt(i);
                if (quoted) {
                    if (c == '"' && i + 1 < body.length() && body.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else if (c == '"') {
                        quoted = false;
                    } else {
                        field.append(c);
                    }
                } else if (c == '"') {
                    quoted = true;
                } else if (c == separator) {
                    fields.add(field.toString());
                    field.setLength(0);
                } else if (c == '\n' || c == '\r') {
                    if (c == '\r' && i + 1 < body.length() && body.charAt(i + 1) == '\n') {
                        i++;
                    }
                    fields.add(field.toString());
                    field.setLength(0);
                    lines.add(fields);
                    fields = new ArrayList<>();
                } else {
                    field.append(c);
                }
            }
            if (field.length() > 0 || !fields.isEmpty()) {
                fields.add(field.toString());
                lines.add(fields);
            }
            return lines;
        }
    }
}
