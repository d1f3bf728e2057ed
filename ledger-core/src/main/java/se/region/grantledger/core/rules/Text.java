package se.region.grantledger.core.rules;

/**
 * What text the ledger stores: at most {@link #MAX_LENGTH} characters, no control characters but tab and line
 * breaks, and well-formed Unicode. Events are kept forever and read by PostgreSQL (jsonb rejects {@code \u0000}
 * and lone surrogates), by auditors and by reporting jobs; text that none of them can read is refused at the door.
 */
public final class Text {

    /** Room for a reason or a condition of several paragraphs; names and references are far shorter. */
    public static final int MAX_LENGTH = 2000;

    private Text() {
    }

    /** @return the value, if it is storable text; {@code null} passes (presence is checked elsewhere) */
    public static String check(String value, String field) {
        if (value == null) {
            return null;
        }
        if (value.length() > MAX_LENGTH) {
            throw new InvalidValue("text-too-long", field + " has " + value.length() + " characters; at most "
                    + MAX_LENGTH + " are allowed");
        }
        String problem = problem(value);
        if (problem != null) {
            throw new InvalidValue("unreadable-text", field + " " + problem);
        }
        return value;
    }

    /** @return why the text cannot be stored, or {@code null} if it can */
    public static String problem(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return "holds a broken Unicode character (a lone surrogate) at position " + i;
            }
            if (Character.isLowSurrogate(c)) {
                return "holds a broken Unicode character (a lone surrogate) at position " + i;
            }
            if (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r') {
                return "holds the control character U+" + String.format("%04X", (int) c) + " at position " + i;
            }
        }
        return null;
    }
}
