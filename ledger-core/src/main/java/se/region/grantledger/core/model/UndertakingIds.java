package se.region.grantledger.core.model;

import se.region.grantledger.core.rules.InvalidValue;

import java.util.regex.Pattern;

/**
 * A client may name an undertaking, and every aggregate shares the event store's one id column (docs/adr/0011).
 * So a chosen id is plain (letters, digits, {@code . _ -}, at most 64, safe in a URL) and never has the shape
 * of the ids the ledger gives its own streams: a currency's rates ({@code EUR}) or a fund's frame for a year
 * ({@code REGIONAL_1_1-2031}). Otherwise an undertaking could take the id of next year's frame and block it.
 */
public final class UndertakingIds {

    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final Pattern CURRENCY_STREAM = Pattern.compile("[A-Z]{3}");
    private static final Pattern FRAME_STREAM = Pattern.compile("[A-Z][A-Z0-9_]*-[0-9]{4}");

    private UndertakingIds() {
    }

    public static String check(String id) {
        if (id == null || !PLAIN.matcher(id).matches()) {
            throw new InvalidValue("invalid-undertaking-id", "an undertaking id has 1 to 64 letters, digits, '.', '_'"
                    + " or '-', starting with a letter or digit: '" + printable(id) + "'");
        }
        if (CURRENCY_STREAM.matcher(id).matches() || FRAME_STREAM.matcher(id).matches()) {
            throw new InvalidValue("reserved-undertaking-id", "'" + id + "' has the shape of the ledger's own ids"
                    + " (a currency like EUR, a frame like REGIONAL_1_1-2031); choose another undertaking id");
        }
        return id;
    }

    private static String printable(String id) {
        if (id == null) {
            return "";
        }
        String shown = id.length() > 64 ? id.substring(0, 64) + "…" : id;
        return shown.codePoints().map(c -> Character.isISOControl(c) || Character.isSurrogate((char) c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }
}
