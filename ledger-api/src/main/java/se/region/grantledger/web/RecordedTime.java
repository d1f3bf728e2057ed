package se.region.grantledger.web;

import se.region.grantledger.core.rules.InvalidValue;
import se.region.grantledger.core.rules.Require;
import se.region.grantledger.infrastructure.audit.AsKnownAt;

import se.region.grantledger.projections.ReadTime;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * Moments and years a client names in a query. A moment before anything was recorded, or after any the ledger
 * will see, means the same as the nearest one it can store (PostgreSQL's timestamps end long before Java's), so
 * it is brought into that range rather than refused: "export from the year 1" is everything. A report year is a
 * business year, and outside the business dates the ledger keeps it is a typing error.
 */
public final class RecordedTime {

    private static final Instant EARLIEST = Instant.parse("1900-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    private RecordedTime() {
    }

    /** @return the moment, brought into the range the ledger can store; {@code null} stays {@code null} */
    public static Instant clamp(Instant moment) {
        if (moment == null) {
            return null;
        }
        return moment.isBefore(EARLIEST) ? EARLIEST : moment.isAfter(LATEST) ? LATEST : moment;
    }

    public static int year(int year) {
        if (year < Require.FIRST_DATE.getYear() || year > Require.LAST_DATE.getYear()) {
            throw new InvalidValue("invalid-year", "a report year lies between " + Require.FIRST_DATE.getYear()
                    + " and " + Require.LAST_DATE.getYear() + ": " + year);
        }
        return year;
    }

    /** {@code asOf} as a moment: an ISO instant, or an ISO date meaning the end of that day in Sweden. */
    public static Instant asOf(String asOf) {
        return moment("asOf", "invalid-as-of", asOf);
    }

    /**
     * The two times a read may name (docs/audit.md, "Two kinds of time"): {@code validAt}, a business date, and
     * {@code knownAt}, an instant or a date meaning the end of that Swedish day; {@code asOf} is the older name of
     * {@code knownAt} and is read the same way. Absent ones set no limit.
     */
    public static ReadTime readTime(String validAt, String knownAt, String asOf) {
        if (knownAt != null && asOf != null) {
            throw new InvalidValue("invalid-known-at", "asOf is the older name of knownAt: give one of them, not both ("
                    + "knownAt " + knownAt + ", asOf " + asOf + ")");
        }
        Instant known = knownAt != null ? moment("knownAt", "invalid-known-at", knownAt)
                : asOf != null ? asOf(asOf) : null;
        return new ReadTime(validAt == null ? null : businessDate(validAt), known);
    }

    /** {@code validAt}: an ISO date within the business dates the ledger keeps. */
    public static LocalDate businessDate(String validAt) {
        try {
            return Require.businessDate(LocalDate.parse(validAt.trim()), "validAt");
        } catch (DateTimeParseException e) {
            throw new InvalidValue("invalid-valid-at", "validAt is an ISO date (2019-12-31): " + validAt);
        }
    }

    private static Instant moment(String name, String code, String value) {
        try {
            return clamp(AsKnownAt.parse(value.trim()));
        } catch (DateTimeParseException e) {
            throw new InvalidValue(code, name + " is an ISO instant (2020-02-04T09:30:00Z) or date (2020-02-04): "
                    + value);
        }
    }
}
