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

import se.region.grantledger.projections.ReadTime;

import java.util.List;
import java.util.Map;

import static se.region.grantledger.projections.reports.ReportRounding.percent;

/**
 * The reports, read with the same SQL a reporting job would write: the {@code report_*_at} functions, at a business
 * date as known at an instant ({@link ReadTime}; docs/reporting-schema.md).
 */
@Component
public class ReportQueries {

    private final NamedParameterJdbcTemplate sql;

    private static final String REGIONAL_1_1 = "REGIONAL_1_1";
    private static final String TILLVAXTVERKET = "TILLVAXTVERKET";

    public ReportQueries(NamedParameterJdbcTemplate sql) {
        this.sql = sql;
    }

    public Leverage leverage(int year, ReadTime time) {
        MapSqlParameterSource params = at(time).addValue("year", year);
        Map<String, Object> sums = sql.query("SELECT * FROM report_leverage_summary_at(" + AT + ")"
                        + " WHERE decision_year = :year", params,
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
                SELECT category, form, amount_ore FROM report_leverage_at(%s) WHERE decision_year = :year
                ORDER BY category, form""".formatted(AT), params, (row, n) -> new FunderLine(row.getString("category"),
                row.getString("form"), Amount.ofOre(row.getLong("amount_ore"))));
        return new Leverage(year, Amount.ofOre(regional), Amount.ofOre(total), Amount.ofOre(others),
                ReportRounding.ratio(others, regional), Amount.ofOre(eu + national), Amount.ofOre(eu),
                Amount.ofOre(national), Amount.ofOre(ore(sums, "vinnova")), Amount.ofOre(ore(sums, "rest")),
                Amount.ofOre(total - inKind), Amount.ofOre(inKind), lines);
    }

    public Disbursements disbursements(int year, ReadTime time) {
        record Row(String fund, String type, long paid, long repaid, long net, int recipients) {
        }
        List<Row> rows = sql.query("""
                SELECT fund, support_type, paid_ore, repaid_ore, net_ore, recipients FROM report_disbursement_at(%s)
                WHERE payment_year = :year ORDER BY fund, support_type""".formatted(AT),
                at(time).addValue("year", year),
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

    public BusinessSupport businessSupport(int year, ReadTime time) {
        record Row(String fund, String type, int decisions, long ore, int smallerNumber, long smallerOre,
                   int womenNumber, long womenOre, int abroadNumber, long abroadOre) {
        }
        List<Row> rows = sql.query("SELECT * FROM report_business_support_at(" + AT + ") WHERE decision_year = :year"
                        + " ORDER BY fund, business_support_type", at(time).addValue("year", year),
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
                tillvaxtverketChecks(year, time));
    }

    /** What was paid in the year from Tillväxtverket's money passed on as checks: companies and amount per type. */
    private TillvaxtverketChecks tillvaxtverketChecks(int year, ReadTime time) {
        record Row(String type, int companies, long ore) {
        }
        MapSqlParameterSource parameters = at(time).addValue("year", year).addValue("fund", TILLVAXTVERKET);
        List<Row> rows = sql.query("""
                SELECT business_support_type, companies, net_ore FROM report_business_support_paid_at(%s)
                WHERE payment_year = :year AND fund = :fund ORDER BY business_support_type""".formatted(AT), parameters,
                (row, n) -> new Row(row.getString("business_support_type"), row.getInt("companies"),
                        row.getLong("net_ore")));
        Integer companies = sql.queryForObject("""
                SELECT COUNT(DISTINCT c.recipient_key) FROM report_payment p JOIN report_case c ON c.case_id = p.case_id
                WHERE c.fund = :fund AND p.support_type = 'BUSINESS_SUPPORT'
                  AND EXTRACT(YEAR FROM p.payment_date)::INTEGER = :year
                  AND (CAST(:validAt AS DATE) IS NULL OR p.payment_date <= CAST(:validAt AS DATE))
                  AND (CAST(:knownAt AS TIMESTAMPTZ) IS NULL OR p.recorded_at <= CAST(:knownAt AS TIMESTAMPTZ))""",
                parameters, Integer.class);
        return new TillvaxtverketChecks(companies == null ? 0 : companies,
                Amount.ofOre(rows.stream().mapToLong(Row::ore).sum()),
                rows.stream().map(row -> new CheckLine(row.type(), row.companies(), Amount.ofOre(row.ore()))).toList());
    }

    public GoalAreas goalAreas(int year, ReadTime time) {
        record Row(String goalArea, long ore) {
        }
        List<Row> rows = sql.query("""
                SELECT goal_area, regional_1_1_ore FROM report_goal_areas_at(%s) WHERE decision_year = :year
                ORDER BY regional_1_1_ore DESC, goal_area""".formatted(AT), at(time).addValue("year", year),
                (row, n) -> new Row(row.getString("goal_area"), row.getLong("regional_1_1_ore")));
        long total = rows.stream().mapToLong(Row::ore).sum();
        return new GoalAreas(year, Amount.ofOre(total), rows.stream()
                .map(row -> new GoalAreaLine(row.goalArea(), Amount.ofOre(row.ore()), percent(row.ore(), total))).toList());
    }

    /**
     * Each frame's position (per fund and decision year) at {@code time}'s business date, which must be given, as known
     * at its instant. Paid is net of same-year repayments credited back (CREDITED); what was repaid for earlier years
     * went to the state (RETURNED_TO_STATE) and stays paid here.
     */
    public Commitments commitments(ReadTime time) {
        return new Commitments(time.validAt(), time.knownAt(), sql.query("""
                SELECT fund, decision_year, committed_ore, paid_ore, released_ore, returned_to_state_ore, outstanding_ore
                FROM report_positions_at(%s) ORDER BY fund, decision_year""".formatted(AT), at(time),
                (row, n) -> new CommitmentLine(row.getString("fund"), row.getInt("decision_year"),
                        Amount.ofOre(row.getLong("committed_ore")), Amount.ofOre(row.getLong("paid_ore")),
                        Amount.ofOre(row.getLong("released_ore")), Amount.ofOre(row.getLong("returned_to_state_ore")),
                        Amount.ofOre(row.getLong("outstanding_ore")))));
    }

    /** The arguments of every {@code report_*_at} function; a null is typed by the cast, as PostgreSQL needs. */
    private static final String AT = "CAST(:validAt AS DATE), CAST(:knownAt AS TIMESTAMPTZ)";

    private static MapSqlParameterSource at(ReadTime time) {
        return new MapSqlParameterSource("validAt", time.validAtSql()).addValue("knownAt", time.knownAtSql());
    }

    private static long ore(Map<String, Object> sums, String key) {
        Object value = sums.get(key);
        return value == null ? 0 : (Long) value;
    }
}
