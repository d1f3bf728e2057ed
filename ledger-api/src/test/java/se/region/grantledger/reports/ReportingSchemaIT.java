package se.region.grantledger.reports;

import org.junit.jupiter.api.Test;
import se.region.grantledger.support.LedgerIntegrationTest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/reporting-schema.md is the contract reporting jobs rely on: every report_* view in the database is
 * documented there, with exactly its columns, in order, and their types; and each is read with plain SQL.
 */
class ReportingSchemaIT extends LedgerIntegrationTest {

    private static final Path CONTRACT = Path.of("..", "docs", "reporting-schema.md");

    @Test
    void everyReportViewIsDocumentedWithItsColumnsAndTypes() throws IOException {
        Map<String, List<String>> documented = documentedViews();
        List<String> views = jdbc.queryForList("""
                SELECT table_name FROM information_schema.views WHERE table_schema = 'public'
                AND table_name LIKE 'report\\_%' ORDER BY table_name""", String.class);

        assertThat(documented.keySet()).containsExactlyInAnyOrderElementsOf(views);
        for (String view : views) {
            List<String> actual = jdbc.queryForList("""
                    SELECT column_name || ' ' || data_type FROM information_schema.columns
                    WHERE table_schema = 'public' AND table_name = ? ORDER BY ordinal_position""", String.class, view);
            assertThat(actual).as(view).isEqualTo(documented.get(view));
        }
    }

    @Test
    void eachViewAnswersPlainSql() throws IOException {
        for (String view : documentedViews().keySet()) {
            List<Map<String, Object>> rows = jdbc.queryForList("SELECT * FROM " + view + " LIMIT 5");
            assertThat(rows).as(view).isNotNull();
        }
        assertThat(jdbc.queryForObject("""
                SELECT count(*) FROM report_commitment_movements WHERE business_date <= DATE '2100-12-31'""", Long.class))
                .isNotNegative();
    }

    /** Each view has its dated function (docs/reporting-schema.md, "Two times"); with no limits it is the view. */
    @Test
    void eachViewIsItsDatedFunctionWithNoLimits() throws IOException {
        for (String view : documentedViews().keySet()) {
            assertThat(jdbc.queryForList("SELECT * FROM " + view + "_at(NULL, NULL)")).as(view)
                    .containsExactlyInAnyOrderElementsOf(jdbc.queryForList("SELECT * FROM " + view));
            assertThat(jdbc.queryForList("SELECT * FROM " + view
                    + "_at(DATE '2019-12-31', TIMESTAMPTZ '2020-02-04 23:59:59+01')")).as(view).isNotNull();
        }
    }

    /** "### report_x" headings followed by a table of "| column | type | meaning |" rows. */
    private static Map<String, List<String>> documentedViews() throws IOException {
        Map<String, List<String>> views = new LinkedHashMap<>();
        String current = null;
        for (String line : Files.readAllLines(CONTRACT)) {
            if (line.startsWith("### report_")) {
                current = line.substring(4).trim();
                views.put(current, new ArrayList<>());
            } else if (line.startsWith("## ")) {
                current = null;
            } else if (current != null && line.startsWith("| ") && !line.startsWith("| column") && !line.startsWith("|---")) {
                String[] cells = line.split("\\|");
                views.get(current).add(cells[1].trim() + " " + cells[2].trim());
            }
        }
        return views;
    }
}
