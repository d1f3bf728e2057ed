package se.region.grantledger.core.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import se.region.grantledger.core.rules.InvalidValue;

import java.time.LocalDate;

/** A span of calendar days, both ends included (a project period, the period a requisition covers). */
public record Period(LocalDate start, LocalDate end) {

    @JsonCreator
    public Period(@JsonProperty("start") LocalDate start, @JsonProperty("end") LocalDate end) {
        if (start == null || end == null) {
            throw new InvalidValue("invalid-period", "a period has a start and an end date");
        }
        if (end.isBefore(start)) {
            throw new InvalidValue("invalid-period", "a period cannot end (" + end + ") before it starts (" + start + ")");
        }
        this.start = start;
        this.end = end;
    }

    public boolean contains(Period other) {
        return !other.start.isBefore(start) && !other.end.isAfter(end);
    }

    @Override
    public String toString() {
        return start + ".." + end;
    }
}
