package se.region.grantledger.web.imports;

import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import se.region.grantledger.core.rules.InvalidValue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import javax.xml.parsers.ParserConfigurationException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
            return files.get(0).bytes();
        }
        // Written as a stream (a window of rows in memory), so large CSV files become a workbook in a small heap.
        SXSSFWorkbook workbook = new SXSSFWorkbook(100);
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
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
        } finally {
            workbook.dispose();
        }
    }

    /** Where a streamed workbook's rows go, sheet by sheet. */
    interface RowSink {
        /** A sheet begins; its name in lower case. */
        void sheet(String name);

        /** A row of it with at least one cell filled. */
        void row(ImportRow row);
    }

    /** Every sheet's rows, empty rows left out; sheet names in lower case. For workbooks that fit in memory. */
    static Map<String, List<ImportRow>> read(byte[] xlsx) {
        Map<String, List<ImportRow>> sheets = new LinkedHashMap<>();
        stream(xlsx, new RowSink() {
            @Override
            public void sheet(String name) {
                sheets.put(name, new ArrayList<>());
            }

            @Override
            public void row(ImportRow row) {
                sheets.get(row.sheet()).add(row);
            }
        });
        return sheets;
    }

    /**
     * Reads the workbook's sheets as a stream of rows (POI's event API): only the shared strings are held, never the
     * whole workbook, so a hundred thousand projects' books are read in a small heap.
     */
    static void stream(byte[] xlsx, RowSink sink) {
        Path file = null;
        // From a file: opened from a stream, POI unpacks every part of the workbook into memory first (a hundred
        // thousand projects' sheets, unpacked, do not fit in the README's heap); from a file it reads them as needed.
        try (OPCPackage workbook = OPCPackage.open((file = copy(xlsx)).toFile(), PackageAccess.READ)) {
            XSSFReader reader = new XSSFReader(workbook);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(workbook);
            StylesTable styles = reader.getStylesTable();
            XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
            while (sheets.hasNext()) {
                try (InputStream sheet = sheets.next()) {
                    String name = sheets.getSheetName().trim().toLowerCase(Locale.ROOT);
                    sink.sheet(name);
                    XMLReader parser = XMLHelper.newXMLReader();
                    parser.setContentHandler(new XSSFSheetXMLHandler(styles, strings, new SheetRows(name, sink),
                            new PlainCells(), false));
                    parser.parse(new InputSource(sheet));
                }
            }
        } catch (InvalidValue invalid) {
            throw invalid;
        } catch (IOException | RuntimeException | OpenXML4JException | SAXException | ParserConfigurationException e) {
            Throwable cause = e;
            while (cause.getCause() != null && !(cause instanceof InvalidValue)) {
                cause = cause.getCause();
            }
            if (cause instanceof InvalidValue invalid) {
                throw invalid;
            }
            throw new InvalidValue("import-unreadable", "the file is not a readable .xlsx workbook: " + e.getMessage());
        } finally {
            if (file != null) {
                file.toFile().delete();
            }
        }
    }

    private static Path copy(byte[] xlsx) throws IOException {
        Path file = Files.createTempFile("ledger-import-", ".xlsx");
        Files.write(file, xlsx);
        return file;
    }

    /** One sheet's rows as the parser meets them: the first row names the columns. */
    private static final class SheetRows implements XSSFSheetXMLHandler.SheetContentsHandler {

        private final String sheet;
        private final RowSink sink;
        private List<String> columns;
        private Map<String, String> cells;
        private List<String> header;

        SheetRows(String sheet, RowSink sink) {
            this.sheet = sheet;
            this.sink = sink;
        }

        @Override
        public void startRow(int rowNum) {
            if (columns == null) {
                header = new ArrayList<>();
            } else {
                cells = new LinkedHashMap<>();
            }
        }

        @Override
        public void cell(String reference, String value, XSSFComment comment) {
            int column = new CellReference(reference).getCol();
            if (columns == null) {
                while (header.size() < column) {
                    header.add("");
                }
                header.add(value == null ? "" : value.trim().toLowerCase(Locale.ROOT).replace(' ', '_'));
            } else if (column < columns.size() && value != null && !value.isBlank() && !columns.get(column).isEmpty()) {
                cells.put(columns.get(column), value);
            }
        }

        @Override
        public void endRow(int rowNum) {
            if (columns == null) {
                columns = header;
            } else if (!cells.isEmpty()) {
                sink.row(new ImportRow(sheet, rowNum + 1, cells));
            }
        }
    }

    /**
     * Cells as text the way they show, whatever Excel's format: a date cell as an ISO date, a number as a plain
     * decimal (no thousands separators, no rounding to the format's decimals).
     */
    private static final class PlainCells extends DataFormatter {

        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString) {
            return formatRawCellContents(value, formatIndex, formatString, false);
        }

        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString, boolean use1904) {
            if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
                return DateUtil.getLocalDateTime(value, use1904).toLocalDate().toString();
            }
            if (Double.isNaN(value) || Double.isInfinite(value)) {
                return String.valueOf(value);
            }
            return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
        }
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
