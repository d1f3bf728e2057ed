package se.region.grantledger.core.model;

import se.region.grantledger.core.model.Fund;
import se.region.grantledger.core.rules.InvalidValue;

import java.time.LocalDate;

/** One fund's appropriation for one year; its stream id is {@code <FUND>-<year>}, e.g. {@code REGIONAL_1_1-2019}. */
public record AppropriationKey(Fund fund, int year) {

    /** Years a frame can plausibly belong to; outside them a year is a typing error. */
    static final int FIRST_YEAR = 1990;
    static final int LAST_YEAR = 2100;

    public AppropriationKey {
        if (fund == null) {
            throw new InvalidValue("missing-field", "fund is required");
        }
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            throw new InvalidValue("invalid-year", "an appropriation year lies between " + FIRST_YEAR + " and "
                    + LAST_YEAR + ": " + year);
        }
    }

    /** The appropriation a decision taken on this date commits: its fund's frame of the decision year. */
    public static AppropriationKey forDecision(Fund fund, LocalDate decisionDate) {
        return new AppropriationKey(fund, decisionDate.getYear());
    }

    public String id() {
        return fund.name() + "-" + year;
    }

    @Override
    public String toString() {
        return fund.name() + " " + year;
    }
}
