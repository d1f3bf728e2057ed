package se.region.grantledger.documentation;

import org.junit.jupiter.api.Test;
import se.region.grantledger.core.rules.Conflict;
import se.region.grantledger.core.rules.Rule;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's tables of rules and conflicts are what clients read; the catalogue ({@link Rule}, {@link Conflict}) is
 * what the ledger enforces. They must say the same: every code, and for each rule the policy that checks it.
 */
class ReadmeCatalogueTest {

    private static final Pattern RULE_ROW = Pattern.compile("^\\| `([a-z-]+)` \\| `(\\w+)` \\| .+ \\|$",
            Pattern.MULTILINE);
    private static final Pattern CONFLICT_ROW = Pattern.compile("^\\| `([a-z-]+)` \\| .+ \\|$", Pattern.MULTILINE);

    @Test
    void theRuleTableListsEveryRuleWithItsPolicyAndNothingElse() throws IOException {
        Map<String, String> documented = rows(section("| rule code | checked by | the rule |"), RULE_ROW);
        Map<String, String> catalogue = Stream.of(Rule.values()).collect(Collectors.toMap(Rule::code,
                rule -> rule.policy().getSimpleName(), (a, b) -> a, LinkedHashMap::new));
        assertThat(documented).as("README rule table; the catalogue's rows are:\n" + catalogue.entrySet().stream()
                .map(row -> "| `" + row.getKey() + "` | `" + row.getValue() + "` | … |")
                .collect(Collectors.joining("\n"))).isEqualTo(catalogue);
    }

    @Test
    void theConflictTableListsEveryConflictAndNothingElse() throws IOException {
        Map<String, String> documented = rows(section("| conflict code | the situation |"), CONFLICT_ROW);
        assertThat(documented.keySet()).as("README conflict table")
                .containsExactlyInAnyOrderElementsOf(Stream.of(Conflict.values()).map(Conflict::code).toList());
    }

    /** The table that starts with {@code header}, up to the first line that is not a table row. */
    private static String section(String header) throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));
        int start = readme.indexOf(header);
        assertThat(start).as("the README has a table headed " + header).isNotNegative();
        int end = readme.indexOf("\n\n", start);
        return readme.substring(start, end < 0 ? readme.length() : end);
    }

    private static Map<String, String> rows(String table, Pattern row) {
        Map<String, String> rows = new LinkedHashMap<>();
        Matcher matcher = row.matcher(table);
        while (matcher.find()) {
            rows.put(matcher.group(1), matcher.groupCount() > 1 ? matcher.group(2) : "");
        }
        return rows;
    }
}
