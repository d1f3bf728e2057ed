package se.region.grantledger.bench;

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
