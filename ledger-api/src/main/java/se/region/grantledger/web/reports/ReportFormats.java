package se.region.grantledger.web.reports;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A report in the format the client asked for: JSON (the report's values); CSV as Swedish Excel opens it (UTF-8
 * with a byte-order mark, semicolons, decimal commas, Swedish labels), or for machines with
 * {@code Accept: text/csv;variant=rfc4180} (RFC 4180: commas, decimal points, the stable English labels); or an
 * Excel workbook (Swedish labels, a bold header row with filters, frozen; numbers as numbers, MSEK with one
 * decimal). CSV and Excel are written from the same rows, which are taken from the same values as the JSON.
 */
final class ReportFormats {

    static final MediaType CSV = MediaType.parseMediaType("text/csv");
    static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private ReportFormats() {
    }

    private static List<MediaType> parse(String accept) {
        try {
            return MediaType.parseMediaTypes(accept);
        } catch (org.springframework.http.InvalidMediaTypeException malformed) {
            throw new se.region.grantledger.core.rules.InvalidValue("invalid-accept", "the Accept header is not a list"
                    + " of media types (application/json, text/csv, " + XLSX + "): " + malformed.getMessage());
        }
    }

    /**
     * The first of CSV or Excel the Accept header names, else JSON when it accepts JSON (or names nothing); a
     * header that accepts none of the three is answered 406 with the types there are.
     */
    static ResponseEntity<?> answer(String accept, String name, Object json, List<ReportRow> rows) {
        List<MediaType> wanted = accept == null || accept.isBlank() ? List.of() : parse(accept);
        MediaType.sortBySpecificityAndQuality(wanted);
        for (MediaType type : wanted) {
            if (type.isCompatibleWith(CSV) && !type.isWildcardType()) {
                if ("rfc4180".equalsIgnoreCase(type.getParameter("variant"))) {
                    return file(CSV + ";charset=UTF-8;variant=rfc4180", name + ".csv",
                            csv(rows).getBytes(StandardCharsets.UTF_8));
                }
                return file(CSV + ";charset=UTF-8", name + ".csv", swedishCsv(rows));
            }
            if (type.isCompatibleWith(XLSX) && !type.isWildcardSubtype()) {
                return file(XLSX.toString(), name + ".xlsx", xlsx(name, rows));
            }
        }
        if (!wanted.isEmpty() && wanted.stream().noneMatch(type -> type.isCompatibleWith(MediaType.APPLICATION_JSON))) {
            throw new NotAcceptable(List.of(MediaType.APPLICATION_JSON, CSV, XLSX));
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(json);
    }

    /** The client accepts none of the report's formats; {@code supported} lists them. */
    static final class NotAcceptable extends RuntimeException {
        final List<MediaType> supported;

        NotAcceptable(List<MediaType> supported) {
            super("a report is offered as " + supported + "; the Accept header names none of them", null, false, false);
            this.supported = supported;
        }
    }

    static String csv(List<ReportRow> rows) {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(ReportRow.HEADERS).get())) {
            for (ReportRow row : rows) {
                Object[] cells = row.cells();
                for (int i = 0; i < cells.length; i++) {
                    cells[i] = cells[i] instanceof BigDecimal decimal ? decimal.toPlainString() : cells[i];
                }
                printer.printRecord(cells);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** As Swedish Excel reads a file it is given: a BOM says UTF-8, semicolons part the fields, commas decimals. */
    static byte[] swedishCsv(List<ReportRow> rows) {
        StringWriter out = new StringWriter();
        out.write('\uFEFF');
        String[] header = java.util.Arrays.stream(ReportRow.HEADERS).map(SwedishLabels::of).toArray(String[]::new);
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180.builder().setDelimiter(';').setHeader(header)
                .get())) {
            for (ReportRow row : rows) {
                Object[] cells = row.cells();
                cells[0] = SwedishLabels.of(row.section());
                cells[1] = SwedishLabels.of(row.item());
                for (int i = 2; i < cells.length; i++) {
                    cells[i] = cells[i] instanceof BigDecimal decimal ? decimal.toPlainString().replace('.', ',') : cells[i];
                }
                printer.printRecord(cells);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    static byte[] xlsx(String name, List<ReportRow> rows) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet(name);
            CellStyle kronor = workbook.createCellStyle();
            kronor.setDataFormat(workbook.createDataFormat().getFormat("#,##0.00"));
            CellStyle oneDecimal = workbook.createCellStyle();
            oneDecimal.setDataFormat(workbook.createDataFormat().getFormat("0.0"));
            CellStyle bold = workbook.createCellStyle();
            org.apache.poi.ss.usermodel.Font boldFont = workbook.createFont();
            boldFont.setBold(true);
            bold.setFont(boldFont);
            Row header = sheet.createRow(0);
            for (int i = 0; i < ReportRow.HEADERS.length; i++) {
                Cell cell = header.createCell(i);
                cell.setCellValue(SwedishLabels.of(ReportRow.HEADERS[i]));
                cell.setCellStyle(bold);
            }
            sheet.createFreezePane(0, 1);
            sheet.setAutoFilter(new org.apache.poi.ss.util.CellRangeAddress(0, Math.max(rows.size(), 1), 0,
                    ReportRow.HEADERS.length - 1));
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r + 1);
                Object[] cells = rows.get(r).cells();
                for (int i = 0; i < cells.length; i++) {
                    if (cells[i] == null) {
                        continue;
                    }
                    Cell cell = row.createCell(i);
                    if (cells[i] instanceof BigDecimal decimal) {
                        cell.setCellValue(decimal.doubleValue()); // a spreadsheet stores numbers as doubles; the exact figure is in the JSON and CSV
                        cell.setCellStyle(i == 2 ? kronor : oneDecimal);
                    } else if (cells[i] instanceof Integer whole) {
                        cell.setCellValue(whole);
                    } else {
                        cell.setCellValue(i < 2 ? SwedishLabels.of(cells[i].toString()) : cells[i].toString());
                    }
                }
            }
            for (int i = 0; i < ReportRow.HEADERS.length; i++) {
                sheet.autoSizeColumn(i);
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ResponseEntity<byte[]> file(String contentType, String fileName, byte[] body) {
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_TYPE, contentType)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName + "\"").body(body);
    }
}
