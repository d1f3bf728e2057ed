package se.region.grantledger.projections;

import org.axonframework.eventhandling.EventMessage;
import se.region.grantledger.core.api.BusinessDated;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;

/**
 * When a read looks at the books (DOMAIN.md, "Two kinds of time"): the position at a business date ({@code validAt}:
 * only facts dated up to and including that day count) as the ledger knew it at an instant ({@code knownAt}: only
 * events recorded up to then). Either may be null, meaning no limit on that axis; {@link #NOW} has neither, and is
 * what the read models hold.
 */
public record ReadTime(LocalDate validAt, Instant knownAt) {

    public static final ReadTime NOW = new ReadTime(null, null);

    public boolean isNow() {
        return validAt == null && knownAt == null;
    }

    /** Whether a replay at this time counts the event: recorded by {@code knownAt}, and dated by {@code validAt}. */
    public boolean includes(EventMessage<?> event) {
        if (knownAt != null && event.getTimestamp().isAfter(knownAt)) {
            return false;
        }
        return validAt == null || !(event.getPayload() instanceof BusinessDated dated)
                || !dated.businessDate().isAfter(validAt);
    }

    /** For messages: "valid at 2019-12-31, known at 2020-01-15T08:00:00Z". */
    @Override
    public String toString() {
        return (validAt == null ? "valid at any date" : "valid at " + validAt)
                + (knownAt == null ? ", known now" : ", known at " + knownAt);
    }

    /** {@code validAt} as SQL's {@code DATE}, null for none. */
    public java.sql.Date validAtSql() {
        return validAt == null ? null : java.sql.Date.valueOf(validAt);
    }

    /** {@code knownAt} as SQL's {@code TIMESTAMPTZ}, null for none. */
    public Timestamp knownAtSql() {
        return knownAt == null ? null : Timestamp.from(knownAt);
    }
}
