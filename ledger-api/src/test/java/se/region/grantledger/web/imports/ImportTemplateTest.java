package se.region.grantledger.web.imports;

import org.junit.jupiter.api.Test;
import se.region.grantledger.imports.Annual2019Workbook;
import se.region.grantledger.core.rules.Rule;
import se.region.grantledger.web.imports.ImportSheets.ImportRow;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The template a finance officer fills in, and the Swedish a refusal is explained in, against the code. */
class ImportTemplateTest {

    private static final Path DOCS = Path.of("..", "docs", "import");

    @Test
    void theTemplateHasEverySheetWithEveryColumnTheImportNeeds() throws IOException {
        Map<String, List<ImportRow>> template = ImportSheets.read(Files.readAllBytes(DOCS.resolve("template.xlsx")));
        assertThat(template.keySet()).containsExactlyElementsOf(ImportPlan.SHEETS.keySet());
        byte[] example = Files.readAllBytes(DOCS.resolve("example-invastmanland.xlsx"));
        Map<String, List<ImportRow>> filled = ImportSheets.read(example);
        ImportPlan.SHEETS.forEach((sheet, columns) -> {
            for (ImportRow row : filled.get(sheet)) {
                assertThat(row.cells().keySet()).as(row.where()).containsAll(columns);
            }
        });
        assertThat(filled.get("plan_lines")).hasSize(5);
    }

    /** The documented 2019 books are the golden fixture's, as GoldenBooksImportIT imports them. */
    @Test
    void theDocumented2019BooksAreTheGoldenFixtures() throws IOException {
        Map<String, List<ImportRow>> documented = ImportSheets.read(Files.readAllBytes(DOCS.resolve("books-2019.xlsx")));
        assertThat(documented).isEqualTo(ImportSheets.read(Annual2019Workbook.bytes()));
        assertThat(documented.keySet()).containsExactlyElementsOf(ImportPlan.SHEETS.keySet());
        assertThat(documented.get("business_supports")).hasSize(18 + 46 + 19);
    }

    @Test
    void everyRuleIsExplainedInSwedish() {
        for (Rule rule : Rule.values()) {
            assertThat(SwedishRefusals.of(rule.code(), "")).as(rule.code())
                    .isNotEqualTo(SwedishRefusals.of("a-code-of-no-rule", ""));
        }
    }

    @Test
    void csvReadsQuotesSeparatorsAndLineEndsAsExcelWritesThem() {
        List<List<String>> lines = ImportSheets.Csv.parse("\uFEFFa;b;c\r\n1;\"x; \"\"y\"\"\";3\r\n");
        assertThat(lines).containsExactly(List.of("a", "b", "c"), List.of("1", "x; \"y\"", "3"));
    }
}
