package se.region.grantledger.bench;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * The benchmark's steps that are not load scenarios, one per command, each appending its figures as
 * {@code name=value} lines to the run's figures file; {@code bench/run.sh} calls them in order and the Gatling
 * scenarios in between, and {@code summary} turns the file into the run's table, every write figure beside the
 * ceiling of the same run.
 * <pre>
 *   ceiling  --jdbc URL --pg-host H --pg-port P --user U --clients 8 --seconds 10
 *   books    --url URL --projects N --clients 8
 *   import   --url URL --projects N   (earlier books through POST /api/imports: dry run, confirmation, run)
 *   probes   --url URL --year Y --rounds 20
 *   summary  (reads the figures, writes summary.md beside them)
 *   flame    --jfr RECORDING --svg FILE [--title T]   (a flame graph of a Java Flight Recording's CPU samples)
 * </pre>
 * Every command takes {@code --figures FILE} (default target/bench/figures.properties).
 */
public final class Bench {

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        Figures figures = new Figures(Path.of(options.getOrDefault("figures", "target/bench/figures.properties")));
        switch (args[0]) {
            case "ceiling" -> ceiling(options, figures);
            case "books" -> books(options, figures);
            case "import" -> importBooks(options, figures);
            case "probes" -> probes(options, figures);
            case "summary" -> Summary.write(figures);
            case "flame" -> System.out.println("flame graph of " + FlameGraph.write(Path.of(options.get("jfr")),
                    Path.of(options.get("svg")), options.getOrDefault("title", "CPU samples")) + " samples: " + options.get("svg"));
            default -> throw new IllegalArgumentException("unknown step " + args[0]);
        }
    }

    private static void ceiling(Map<String, String> options, Figures figures) throws Exception {
        int clients = Integer.parseInt(options.getOrDefault("clients", "8"));
        int seconds = Integer.parseInt(options.getOrDefault("seconds", "10"));
        String user = options.getOrDefault("user", "postgres");
        OptionalDouble pgbench = Ceiling.pgbench(options.getOrDefault("pg-host", "localhost"),
                Integer.parseInt(options.get("pg-port")), user, clients, seconds);
        double jdbc = Ceiling.jdbc(options.get("jdbc"), user, "", clients, seconds);
        figures.put("ceiling.clients", clients);
        figures.put("ceiling.jdbc.per_second", jdbc);
        if (pgbench.isPresent()) {
            figures.put("ceiling.pgbench.per_second", pgbench.getAsDouble());
        }
        System.out.printf(Locale.ROOT, "ceiling, %d clients: pgbench %s commits/s, JDBC %.0f commits/s%n", clients,
                pgbench.isPresent() ? String.format(Locale.ROOT, "%.0f", pgbench.getAsDouble()) : "(not installed)", jdbc);
    }

    private static void books(Map<String, String> options, Figures figures) throws Exception {
        int projects = Integer.parseInt(options.getOrDefault("projects", "100"));
        int clients = Integer.parseInt(options.getOrDefault("clients", "8"));
        Books.Generated generated = new Books(new Ledger(options.get("url"))).generate(projects, clients, 2026);
        figures.put("books.projects", projects);
        figures.put("books.writes", generated.writes());
        figures.put("books.events", generated.events());
        figures.put("books.events_per_second", generated.events() * 1000.0 / generated.millis());
        figures.put("books.seconds", generated.millis() / 1000.0);
        figures.put("books.writes_per_second", generated.writes() * 1000.0 / generated.millis());
        System.out.printf(Locale.ROOT, "books: %d projects, %d writes, %d events in %.1f s (%.0f writes/s, %.0f events/s, %d clients)%n",
                projects, generated.writes(), generated.events(), generated.millis() / 1000.0,
                generated.writes() * 1000.0 / generated.millis(), generated.events() * 1000.0 / generated.millis(), clients);
    }

    /**
     * Loading history through the import: a workbook of {@code --projects} projects uploaded, its dry run awaited,
     * confirmed by the second importer, the run awaited, and then the read models (every processor at the newest
     * event). Events are counted as the processors' newest position moved.
     */
    private static void importBooks(Map<String, String> options, Figures figures) throws Exception {
        int projects = Integer.parseInt(options.getOrDefault("projects", "1000"));
        Ledger ledger = new Ledger(options.get("url"));
        ImportBooks.Workbook workbook = ImportBooks.of(projects);
        long eventsBefore = ledger.get("revisor", "/api/admin/projections").json().path("total").asLong();
        long started = System.nanoTime();
        String importId = ledger.upload("inlasning", "/api/imports", "books-" + projects + ".xlsx", workbook.bytes())
                .get("importId").asText();
        JsonNode validated = await(ledger, importId, "VALIDATED");
        long dryRunDone = System.nanoTime();
        if (validated.at("/dryRun/wouldBeRefused").asInt() > 0) {
            throw new IllegalStateException("the benchmark's books are refused in part (" + validated.at("/dryRun/wouldBeRefused")
                    + " rows), the first: " + validated.get("dryRunRefusals").get(0));
        }
        ledger.write("inlasning2", "POST", "/api/imports/" + importId + "/confirmation", "{}");
        JsonNode done = await(ledger, importId, "DONE");
        long runDone = System.nanoTime();
        long events;
        while (true) {
            JsonNode progress = ledger.get("revisor", "/api/admin/projections").json();
            if (progress.path("processed").asLong() == progress.path("total").asLong()) {
                events = progress.path("total").asLong() - eventsBefore;
                break;
            }
            Thread.sleep(200);
        }
        long caughtUp = System.nanoTime();
        double dryRun = (dryRunDone - started) / 1e9;
        double run = (runDone - dryRunDone) / 1e9;
        double all = (caughtUp - started) / 1e9;
        figures.put("import.projects", projects);
        figures.put("import.rows", workbook.rows());
        figures.put("import.events", events);
        figures.put("import.dry_run_seconds", dryRun);
        figures.put("import.run_seconds", run);
        figures.put("import.read_models_seconds", (caughtUp - runDone) / 1e9);
        figures.put("import.seconds", all);
        figures.put("import.events_per_second", events / all);
        figures.put("import.rows_per_second", done.at("/progress/rowsPerSecond").asDouble());
        System.out.printf(Locale.ROOT, "import: %d projects, %d rows, %d events: dry run %.1f s, run %.1f s (%.0f rows/s),"
                        + " read models caught up %.1f s later; %.0f events/s from upload to read models%n", projects,
                workbook.rows(), events, dryRun, run, done.at("/progress/rowsPerSecond").asDouble(),
                (caughtUp - runDone) / 1e9, events / all);
    }

    private static JsonNode await(Ledger ledger, String importId, String status) throws InterruptedException {
        while (true) {
            JsonNode view = ledger.get("inlasning", "/api/imports/" + importId).json();
            String now = view.path("status").asText();
            if (now.equals(status) || (status.equals("VALIDATED") && !now.equals("VALIDATING"))) {
                return view;
            }
            Thread.sleep(500);
        }
    }

    private static void probes(Map<String, String> options, Figures figures) throws Exception {
        Probes probes = new Probes(new Ledger(options.get("url")));
        int year = Integer.parseInt(options.getOrDefault("year", "2020"));
        int rounds = Integer.parseInt(options.getOrDefault("rounds", "20"));
        probes.reports(year, rounds).forEach((report, latency) -> {
            figures.put("report." + report + ".p50_ms", latency.p50());
            figures.put("report." + report + ".p99_ms", latency.p99());
            System.out.printf(Locale.ROOT, "report %-17s p50 %7.1f ms  p99 %7.1f ms  (%d reads)%n", report,
                    latency.p50(), latency.p99(), latency.samples());
        });
        Probes.Latency asOf = probes.asOf(year, Math.max(3, rounds / 4));
        figures.put("asof.p50_ms", asOf.p50());
        figures.put("asof.max_ms", asOf.max());
        System.out.printf(Locale.ROOT, "as-of leverage: p50 %.0f ms, max %.0f ms (%d reads)%n", asOf.p50(), asOf.max(), asOf.samples());
        Probes.Rebuild rebuild = probes.rebuild();
        figures.put("rebuild.events", rebuild.events());
        figures.put("rebuild.seconds", rebuild.seconds());
        figures.put("rebuild.events_per_second", rebuild.perSecond());
        System.out.printf(Locale.ROOT, "rebuild: %d events in %.1f s (%.0f events/s)%n", rebuild.events(),
                rebuild.seconds(), rebuild.perSecond());
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        return options;
    }

    /** The run's figures, one {@code name=value} line each; a later line of a name wins. */
    record Figures(Path file) {
        void put(String name, Number value) {
            try {
                Files.createDirectories(file.toAbsolutePath().getParent());
                Files.writeString(file, name + "=" + value + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        Map<String, Double> read() throws IOException {
            Map<String, Double> values = new java.util.TreeMap<>();
            for (String line : Files.readAllLines(file)) {
                int equals = line.indexOf('=');
                if (equals > 0) {
                    values.put(line.substring(0, equals).trim(), Double.parseDouble(line.substring(equals + 1).trim()));
                }
            }
            return values;
        }
    }
}
