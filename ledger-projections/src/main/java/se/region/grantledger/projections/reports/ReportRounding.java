package se.region.grantledger.projections.reports;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * How the reports round, written down once (docs/reporting-schema.md): amounts are kept in öre and shown as MSEK
 * with one decimal, percentages as whole numbers, ratios with one decimal, always half up. JSON, CSV, Excel and the
 * printed report all take their rounded figures from here, so they cannot disagree.
 */
public final class ReportRounding {

    private static final BigDecimal ORE_PER_MSEK = BigDecimal.valueOf(100_000_000L);

    private ReportRounding() {
    }

    public static BigDecimal msek(long ore) {
        return BigDecimal.valueOf(ore).divide(ORE_PER_MSEK, 1, RoundingMode.HALF_UP);
    }

    /** {@code part} of {@code whole} in whole percent; zero when the whole is zero. */
    public static int percent(long part, long whole) {
        if (whole == 0) {
            return 0;
        }
        return BigDecimal.valueOf(part).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(whole), 0, RoundingMode.HALF_UP).intValueExact();
    }

    /** How many kronor of {@code others} per krona of {@code base}, one decimal; zero when the base is zero. */
    public static BigDecimal ratio(long others, long base) {
        if (base == 0) {
            return BigDecimal.ZERO.setScale(1);
        }
        return BigDecimal.valueOf(others).divide(BigDecimal.valueOf(base), 1, RoundingMode.HALF_UP);
    }

    /** Exact kronor (öre as two decimals), for the figures underneath. */
    public static BigDecimal sek(long ore) {
        return BigDecimal.valueOf(ore, 2);
    }
}
