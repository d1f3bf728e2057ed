package se.region.grantledger.projections.support;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import se.region.grantledger.core.model.SupportType;

import java.util.List;
import java.util.Optional;

/** Reads of {@code support_case_status}. */
@Component
public class SupportCaseQueries {

    private final NamedParameterJdbcTemplate sql;

    public SupportCaseQueries(NamedParameterJdbcTemplate sql) {
        this.sql = sql;
    }

    public Optional<SupportCaseRow> find(SupportType type, String caseId) {
        return sql.query("SELECT * FROM support_case_status WHERE case_id = :id AND support_type = :type",
                new MapSqlParameterSource("id", caseId).addValue("type", type.name()), SupportCaseRow::read).stream().findFirst();
    }

    public Optional<Long> version(String caseId) {
        return sql.queryForList("SELECT version FROM support_case_status WHERE case_id = :id",
                new MapSqlParameterSource("id", caseId), Long.class).stream().findFirst();
    }

    /** A page of one type's cases in diary-number order; each filter applies when given. */
    public List<SupportCaseRow> list(SupportType type, String status, Integer decisionYear, String municipality,
                                     int page, int size) {
        return sql.query("SELECT * FROM support_case_status WHERE support_type = :type" + filters(status, decisionYear,
                        municipality) + " ORDER BY diary_number, case_id LIMIT :size OFFSET :offset",
                parameters(type, status, decisionYear, municipality).addValue("size", size)
                        .addValue("offset", (long) page * size), SupportCaseRow::read);
    }

    public long count(SupportType type, String status, Integer decisionYear, String municipality) {
        Long count = sql.queryForObject("SELECT count(*) FROM support_case_status WHERE support_type = :type"
                + filters(status, decisionYear, municipality), parameters(type, status, decisionYear, municipality), Long.class);
        return count == null ? 0 : count;
    }

    private static String filters(String status, Integer decisionYear, String municipality) {
        return (status == null ? "" : " AND status = :status")
                + (decisionYear == null ? "" : " AND EXTRACT(YEAR FROM decision_date) = :year")
                + (municipality == null ? "" : " AND municipality = :municipality");
    }

    private static MapSqlParameterSource parameters(SupportType type, String status, Integer decisionYear,
                                                    String municipality) {
        return new MapSqlParameterSource("type", type.name()).addValue("status", status)
                .addValue("year", decisionYear).addValue("municipality", municipality);
    }
}
