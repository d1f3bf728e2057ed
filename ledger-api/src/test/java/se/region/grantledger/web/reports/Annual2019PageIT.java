package se.region.grantledger.web.reports;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import se.region.grantledger.projections.ReadTime;
import se.region.grantledger.projections.ProjectionDatabase;
import se.region.grantledger.projections.reports.Annual2019Fixture;
import se.region.grantledger.projections.reports.ReportQueries;
import se.region.grantledger.reports.HeadlessChromium;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Seed 002's year, as a reader sees it: the 2019 golden books (the fixture the golden test uses) through the report
 * projection into PostgreSQL, the annual page made from the report queries, rendered in headless Chromium, and the
 * region's own sentences read from it.
 */
class Annual2019PageIT {

    private static ProjectionDatabase database;
    private static ReportQueries reports;

    @BeforeAll
    static void feed() {
        database = new ProjectionDatabase();
        reports = Annual2019Fixture.reportsOf(database);
    }

    @AfterAll
    static void close() throws IOException {
        database.close();
    }

    @Test
    void theSentencesOfSeed002StandOnThePage() throws Exception {
        String html = AnnualReportPage.render(2019, reports.disbursements(2019, ReadTime.NOW), reports.leverage(2019, ReadTime.NOW),
                reports.businessSupport(2019, ReadTime.NOW), reports.goalAreas(2019, ReadTime.NOW),
                new AnnualReportPage.Source("Region Västmanland", Instant.parse("2020-02-04T09:30:00Z"), null, null));
        Path folder = Files.createDirectories(Path.of("target", "report-screenshots")).toAbsolutePath();
        Path page = folder.resolve("annual-2019-golden.html");
        Files.writeString(page, html);
        String dom = HeadlessChromium.run(folder, "--dump-dom", page.toUri().toString());
        String text = dom.substring(dom.indexOf("<body")).replaceAll("(?s)<svg.*?</svg>", " ")
                .replaceAll("<[^>]+>", "").replace("&nbsp;", " ").replace('\u00a0', ' ').replaceAll("\\s+", " ");

        assertThat(text)
                .contains("Under 2019 utbetalades 31,6 miljoner kronor i finansiering till företag och projekt från"
                        + " anslaget 1:1 Regionala tillväxtåtgärder, fördelat på 25,0 miljoner kronor i projektmedel"
                        + " (79 %) till 43 pågående projekt och 6,5 miljoner kronor i företagsstöd (21 %) till 46 företag.")
                .contains("Stöd till kommersiell service betalades ut med 180 563 kronor till 3 mottagare.")
                .contains("Under 2019 beviljades 18 nya företagsstöd om 3,4 miljoner kronor från anslaget 1:1."
                        + " 33 % av antalet beviljade stöd och 45 % av beloppen gick till länets mindre kommuner")
                .contains("Utöver företagsstöd från 1:1-medel har 3,0 miljoner kronor utbetalats till 19 företag från"
                        + " Tillväxtverkets affärsutvecklingscheckar: internationalisering (13 st) och digitalisering"
                        + " (6 st).")
                .contains("Varje krona i 1:1-medel växlades upp med 3,8 kronor från andra.")
                .contains("Av de nya projektmedlen 2019 gick 45 % till styrkeområden, 43 % till tillväxtföretag och"
                        + " 12 % till kompetensförsörjning.");
        assertThat(dom.split("<svg ", -1)).as("four charts").hasSize(5);
    }
}
