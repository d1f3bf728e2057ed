package se.region.grantledger.web;

import se.region.grantledger.core.rules.InvalidValue;

/**
 * A case's ETag is its version, the sequence number of its newest event, quoted: {@code "12"}. A write may send
 * it back in If-Match; {@code *} (or no header) means "whatever the version".
 */
public final class IfMatch {

    private IfMatch() {
    }

    public static String etag(long version) {
        return "\"" + version + "\"";
    }

    /** @return the version the client expects, or null when it expects none */
    public static Long version(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return null;
        }
        String tag = ifMatch.trim();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        tag = tag.replace("\"", "");
        try {
            return Long.parseLong(tag);
        } catch (NumberFormatException notAVersion) {
            throw new InvalidValue("invalid-if-match", "If-Match must be the ETag of a case, e.g. \"12\": " + ifMatch);
        }
    }
}
