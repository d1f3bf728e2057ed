package se.region.grantledger.projections.reports;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import se.region.grantledger.projections.reports.Reports.Amount;
import se.region.grantledger.projections.reports.Reports.BusinessSupport;
import se.region.grantledger.projections.reports.Reports.BusinessSupportLine;
import se.region.grantledger.projections.reports.Reports.CheckLine;
import se.region.grantledger.projections.reports.Reports.CommitmentLine;
import se.region.grantledger.projections.reports.Reports.Commitments;
import se.region.grantledger.projections.reports.Reports.DisbursementLine;
import se.region.grantledger.projections.reports.Reports.Disbursements;
import se.region.grantledger.projections.reports.Reports.FunderLine;
import se.region.grantledger.projections.reports.Reports.GoalAreaLine;
import se.region.grantledger.projections.reports.Reports.GoalAreas;
import se.region.grantledger.projections.reports.Reports.Leverage;
import se.region.grantledger.projections.reports.Reports.TillvaxtverketChecks;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static se.region.grantledger.projections.reports.ReportRounding.percent;

/** The reports, read from the {@code report_*} views with the same SQL a reporting job would write. */
@Component
public class ReportQueries {

    private final NamedParameterJdbcTemplate sql;

    private static final String REGIONAL_1_1 = "REGIONAL_1_1";
    private static final String TILLVAXTVERKET = "TILLVAXTVERKET";

    public ReportQueries(NamedParameterJdbcTemplate sql) {
        this.sql = sql;
    }

    public Leverage leverage(int year) {
        MapSqlParameterSource params = new MapSqlParameterSource("year", year);
        Map<String, Object> sums = sql.query("SELECT * FROM report_leverage_summary WHERE decision_year = :year", params,
                (row, n) -> Map.<String, Object>of("regional", row.getLong("regional_1_1_ore"),
                        "total", row.getLong("total_ore"), "others", row.getLong("others_ore"),
                        "eu", row.getLong("tillvaxtverket_eu_ore"), "national", row.getLong("tillvaxtverket_national_ore"),
                        "vinnova", row.getLong("vinnova_ore"), "rest", row.getLong("rest_ore"),
                        "inKind", row.getLong("in_kind_ore"))).stream().findFirst().orElse(Map.of());
        long regional = ore(sums, "regional");
        long total = ore(sums, "total");
        long others = ore(sums, "others");
        long eu = ore(sums, "eu");
        long national = ore(sums, "national");
        long inKind = ore(sums, "inKind");
        List<FunderLine> lines = sql.query("""
                SELECT category, form, amount_ore FROM report_leverage WHERE decision_year = :year
                ORDER BY category, form""", params, (row, n) -> new FunderLine(row.getString("category"),
                row.getString("form"), Amount.ofOre(row.getLong("amount_ore"))));
        return new Leverage(year, Amount.ofOre(regional), Amount.ofOre(total), Amount.ofOre(others),
                ReportRounding.ratio(others, regional), Amount.ofOre(eu + national), Amount.ofOre(eu),
                Amount.ofOre(national), Amount.ofOre(ore(sums, "vinnova")), Amount.ofOre(ore(sums, "rest")),
                Amount.ofOre(total - inKind), Amount.ofOre(inKind), lines);
    }

    public Disbursements disbursements(int year) {
        record Row(String fund, String type, long paid, long repaid, long net, int recipients) {
        }
        List<Row> rows = sql.query("""
                SELECT fund, support_type, paid_ore, repaid_ore, net_ore, recipients FROM report_disbursement
                WHERE payment_year = :year ORDER BY fund, support_type""", new MapSqlParameterSource("year", year),
                (row, n) -> new Row(row.getString("fund"), row.getString("support_type"), row.getLong("paid_ore"),
                        row.getLong("repaid_ore"), row.getLong("net_ore"), row.getInt("recipients")));
        long total = rows.stream().mapToLong(Row::net).sum();
        long regional11 = rows.stream().filter(row -> row.fund().equals(REGIONAL_1_1)).mapToLong(Row::net).sum();
        return new Disbursements(year, Amount.ofOre(regional11), Amount.ofOre(total), rows.stream().map(row -> {
            long fundNet = rows.stream().filter(other -> other.fund().equals(row.fund())).mapToLong(Row::net).sum();
            return new DisbursementLine(row.fund(), row.type(), Amount.ofOre(row.paid()), Amount.ofOre(row.repaid()),
                    Amount.ofOre(row.net()), row.recipients(), percent(row.net(), fundNet));
        }).toList());
    }

    public BusinessSupport businessSupport(int year) {
        record Row(String fund, String type, int decisions, long ore, int smallerNumber, long smallerOre,
                   int womenNumber, long womenOre, int abroadNumber, long abroadOre) {
        }
        List<Row> rows = sql.query("SELECT * FROM report_business_support WHERE decision_year = :year"
                        + " ORDER BY fund, business_support_type", new MapSqlParameterSource("year", year),
                (row, n) -> new Row(row.getString("fund"), row.getString("business_support_type"), row.getInt("decisions"),
                        row.getLong("amount_ore"), row.getInt("smaller_municipality_decisions"),
                        row.getLong("smaller_municipality_ore"), row.getInt("led_by_woman_decisions"),
                        row.getLong("led_by_woman_ore"), row.getInt("led_by_person_born_abroad_decisions"),
                        row.getLong("led_by_person_born_abroad_ore")));
        List<Row> oneToOne = rows.stream().filter(row -> row.fund().equals(REGIONAL_1_1)).toList();
        int decisions = oneToOne.stream().mapToInt(Row::decisions).sum();
        long ore = oneToOne.stream().mapToLong(Row::ore).sum();
        return new BusinessSupport(year, decisions, Amount.ofOre(ore),
                rows.stream().map(row -> new BusinessSupportLine(row.fund(), row.type(), row.decisions(),
                        Amount.ofOre(row.ore()))).toList(),
                percent(oneToOne.stream().mapToInt(Row::smallerNumber).sum(), decisions),
                percent(oneToOne.stream().mapToLong(Row::smallerOre).sum(), ore),
                percent(oneToOne.stream().mapToInt(Row::womenNumber).sum(), decisions),
                percent(oneToOne.stream().mapToLong(Row::womenOre).sum(), ore),
                percent(oneToOne.stream().mapToInt(Row::abroadNumber).sum(), decisions),
                percent(oneToOne.stream().mapToLong(Row::abroadOre).sum(), ore),
                tillvaxtverketChecks(year));
    }

    /** What was paid in the year from Tillväxtverket's money passed on as checks: companies and amount per type. */
    private TillvaxtverketChecks tillvaxtverketChecks(int year) {
        record Row(String type, int companies, long ore) {
        }
        MapSqlParameterSource parameters = new MapSqlParameterSource("year", year).addValue("fund", TILLVAXTVERKET);
        List<Row> rows = sql.query("""
                SELECT business_support_type, companies, net_ore FROM report_business_support_paid
                WHERE payment_year = :year AND fund = :fund ORDER BY business_support_type""", parameters,
                (row, n) -> new Row(row.getString("business_support_type"), row.getInt("companies"),
                        row.getLong("net_ore")));
        Integer companies = sql.queryForObject("""
                SELECT COUNT(DISTINCT c.recipient_key) FROM report_payment p JOIN report_case c ON c.case_id = p.case_id
                WHERE c.fund = :fund AND p.support_type = 'BUSINESS_SUPPORT'
                  AND EXTRACT(YEAR FROM p.payment_date) = :year""", parameters, Integer.class);
        return new TillvaxtverketChecks(companies == null ? 0 : companies,
                Amount.ofOre(rows.stream().mapToLong(Row::ore).sum()),
                rows.stream().map(row -> new CheckLine(row.type(), row.companies(), Amount.ofOre(row.ore()))).toList());
    }

    public GoalAreas goalAreas(int year) {
        record Row(String goalArea, long ore) {
        }
        List<Row> rows = sql.query("""
                SELECT goal_area, regional_1_1_ore FROM report_goal_areas WHERE decision_year = :year
                ORDER BY regional_1_1_ore DESC, goal_area""", new MapSqlParameterSource("year", year),
                (row, n) -> new Row(row.getString("goal_area"), row.getLong("regional_1_1_ore")));
        long total = rows.stream().mapToLong(Row::ore).sum();
        return new GoalAreas(year, Amount.ofOre(total), rows.stream()
                .map(row -> new GoalAreaLine(row.goalArea(), Amount.ofOre(row.ore()), percent(row.ore(), total))).toList());
    }

    /**
     * Movements with a business date up to and including {@code asOf}. Paid is net of same-year repayments credited
     * back (CREDITED); what was repaid for earlier years went to the state (RETURNED_TO_STATE) and stays paid here.
     */
    public Commitments commitments(LocalDate asOf) {
        return new Commitments(asOf, sql.query("""
                SELECT fund, decision_year,
                       COALESCE(SUM(amount_ore) FILTER (WHERE kind = 'RESERVED'), 0) AS reserved,
                       COALESCE(SUM(amount_ore) FILTER (WHERE kind = 'DRAWN'), 0)
                         - COALESCE(SUM(amount_ore) FILTER (WHERE kind = 'CREDITED'), 0) AS drawn,
                       COALESCE(SUM(amount_ore) FILTER (WHERE kind = 'RELEASED'), 0) AS released,
                       COALESCE(SUM(amount_ore) FILTER (WHERE kind = 'RETURNED_TO_STATE'), 0) AS to_state
                FROM report_commitment_movements WHERE business_date <= :asOf
                GROUP BY fund, decision_year ORDER BY fund, decision_year""", new MapSqlParameterSource("asOf", asOf),
                (row, n) -> new CommitmentLine(row.getString("fund"), row.getInt("decision_year"),
                        Amount.ofOre(row.getLong("reserved")), Amount.ofOre(row.getLong("drawn")),
                        Amount.ofOre(row.getLong("released")), Amount.ofOre(row.getLong("to_state")),
                        Amount.ofOre(row.getLong("reserved") - row.getLong("drawn") - row.getLong("released")))));
    }

    private static long ore(Map<String, Object> sums, String key) {
        Object value = sums.get(key);
        return value == null ? 0 : (Long) value;
    }
}
