package se.region.grantledger.web.imports;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import se.region.grantledger.core.model.Money;
import se.region.grantledger.core.rules.InvalidValue;
import se.region.grantledger.web.imports.ImportSheets.ImportRow;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reading a row's cells as the REST request the same fact would come in by: the same mapper, the same constraints,
 * and the value objects' own refusals, each named by its row and column.
 */
final class ImportCells {

    private final ObjectMapper json;
    private final Validator validator;

    ImportCells(ObjectMapper json, Validator validator) {
        this.json = json;
        this.validator = validator;
    }

    ObjectNode object() {
        return json.createObjectNode();
    }

    /** The request a REST client would send, read by the same mapper and checked by the same constraints. */
    <T> T request(ImportRow row, ObjectNode body, Class<T> type) {
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

    /** A required cell as a value of the ledger's model (an amount, a fund, a date, an organisation number). */
    <T> T value(ImportRow row, String column, Class<T> type) {
        String text = required(row, column);
        try {
            Object raw = type == Money.class || type == Integer.class || type == BigDecimal.class ? number(row, column)
                    : type == LocalDate.class || type == String.class ? text : upper(text);
            return json.convertValue(raw, type);
        } catch (IllegalArgumentException unreadable) {
            throw refusal(unreadable, row.where() + ": " + column + " is not valid: " + text);
        }
    }

    static String required(ImportRow row, String column) {
        String text = row.get(column);
        if (text == null) {
            throw new InvalidValue("import-cell", row.where() + ": " + column + " is empty");
        }
        return text;
    }

    /** Yes or no as a finance officer writes it; an empty cell is no. */
    static boolean yesOrNo(ImportRow row, String column) {
        String text = row.get(column);
        if (text == null) {
            return false;
        }
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "ja", "yes", "true", "sant", "x", "1" -> true;
            case "nej", "no", "false", "falskt", "0" -> false;
            default -> throw new InvalidValue("import-cell", row.where() + ": " + column
                    + " is ja or nej (yes or no), not " + text);
        };
    }

    /** The value object's own refusal when it gave one (its rule and words), else the cell's. */
    static InvalidValue refusal(Exception unreadable, String otherwise) {
        Throwable cause = unreadable;
        while (cause.getCause() != null && !(cause instanceof InvalidValue)) {
            cause = cause.getCause();
        }
        return cause instanceof InvalidValue invalid ? invalid : new InvalidValue("import-cell", otherwise);
    }

    /** An amount as a finance officer writes it: "1 234 567,50" or "1234567.50". */
    static BigDecimal number(ImportRow row, String column) {
        String text = row.get(column);
        if (text == null) {
            return null;
        }
        String plain = text.replace("\u00a0", "").replace(" ", "").replace(',', '.');
        try {
            return new BigDecimal(plain);
        } catch (NumberFormatException e) {
            throw new InvalidValue("import-cell", row.where() + ": " + column + " is not a number: " + text);
        }
    }

    /** An amount cell put into a request body as the JSON number a REST client would send. */
    void amount(ObjectNode body, String field, ImportRow row, String column) {
        body.set(field, json.valueToTree(number(row, column)));
    }

    static LocalDate sortDate(ImportRow row, String column) {
        try {
            return LocalDate.parse(row.get(column));
        } catch (RuntimeException unreadable) {
            return LocalDate.MAX;
        }
    }

    static List<String> list(String cell) {
        if (cell == null) {
            return List.of();
        }
        return java.util.Arrays.stream(cell.split("[,;\\n]")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    static String upper(String cell) {
        return cell == null ? null : cell.trim().toUpperCase(Locale.ROOT).replace(' ', '_');
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }
}
