package se.region.grantledger.projections.reports;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The reports as values: each figure exact (kronor with öre) and rounded as {@link ReportRounding} says. The same
 * values feed JSON, CSV, Excel and the printed annual report.
 */
public final class Reports {

    private Reports() {
    }

    /** An amount: exact kronor and MSEK with one decimal. */
    public record Amount(BigDecimal sek, BigDecimal msek) {
        public static Amount ofOre(long ore) {
            return new Amount(ReportRounding.sek(ore), ReportRounding.msek(ore));
        }
    }

    public record FunderLine(String category, String form, Amount amount) {
    }

    /** Project grants decided in a year (amendments at their own decision date) and what others add per 1:1 krona. */
    public record Leverage(int year, Amount regional11, Amount totalBudget, Amount others, BigDecimal othersPerRegionalKrona,
                           Amount tillvaxtverket, Amount tillvaxtverketEu, Amount tillvaxtverketNational, Amount vinnova,
                           Amount rest, Amount cash, Amount inKind, List<FunderLine> byCategoryAndForm) {
    }

    /** Paid in a year from one fund to one support type; the share is of the fund's net payments that year. */
    public record DisbursementLine(String fund, String supportType, Amount paid, Amount repaid, Amount net,
                                   int recipients, int sharePercent) {
    }

    /** {@code regional11Net}: the 1:1 appropriation's payments net of repayments; {@code totalNet}: every fund's. */
    public record Disbursements(int year, Amount regional11Net, Amount totalNet, List<DisbursementLine> lines) {
    }

    public record BusinessSupportLine(String fund, String supportType, int decisions, Amount amount) {
    }

    /** Tillväxtverket's checks the region passed on: paid in the year, the companies and the amount, per check type. */
    public record CheckLine(String checkType, int companies, Amount paid) {
    }

    public record TillvaxtverketChecks(int companies, Amount paid, List<CheckLine> byType) {
    }

    /**
     * Business support decided in a year. The number, the amount and the shares are the 1:1 appropriation's
     * (REGIONAL_1_1) only, as the region reports them; {@code byType} lists every fund's decisions, and
     * {@code tillvaxtverketChecks} what was paid from Tillväxtverket's money that year, reported apart (seed 002).
     */
    public record BusinessSupport(int year, int decisions, Amount amount, List<BusinessSupportLine> byType,
                                  int smallerMunicipalitiesNumberPercent, int smallerMunicipalitiesAmountPercent,
                                  int ledByWomenNumberPercent, int ledByWomenAmountPercent,
                                  int ledByPersonsBornAbroadNumberPercent, int ledByPersonsBornAbroadAmountPercent,
                                  TillvaxtverketChecks tillvaxtverketChecks) {
    }

    public record GoalAreaLine(String goalArea, Amount regional11, int sharePercent) {
    }

    public record GoalAreas(int year, Amount regional11, List<GoalAreaLine> lines) {
    }

    /**
     * Decided and not yet paid or released, per fund and decision year, as the business dates stood on {@code asOf};
     * paid net of same-year repayments credited back, and what was repaid for earlier years' payments, returned to
     * the state (docs/adr/0014).
     */
    public record CommitmentLine(String fund, int decisionYear, Amount reserved, Amount paid, Amount released,
                                 Amount returnedToState, Amount outstanding) {
    }

    /** {@code asOf} is the business date of the position; {@code knownAt} the instant it was known at, null for now. */
    public record Commitments(LocalDate asOf, Instant knownAt, List<CommitmentLine> lines) {
    }
}
