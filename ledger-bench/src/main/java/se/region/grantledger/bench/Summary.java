package se.region.grantledger.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Locale;
import java.util.Map;

/**
 * The run's figures as one table beside the targets of docs/performance.md, each write figure also as a ratio to
 * the run's own ceiling (pgbench where it ran, else JDBC), so runs on different machines compare.
 */
final class Summary {

    private Summary() {
    }

    static void write(Bench.Figures figures) throws IOException {
        Map<String, Double> f = figures.read();
        double ceiling = f.getOrDefault("ceiling.pgbench.per_second", f.getOrDefault("ceiling.jdbc.per_second", Double.NaN));
        String ceilingName = f.containsKey("ceiling.pgbench.per_second") ? "pgbench" : "JDBC";
        StringBuilder table = new StringBuilder();
        table.append(String.format(Locale.ROOT, "Ceiling (%s, %.0f clients, one 300-byte row per commit): %.0f commits/s",
                ceilingName, f.getOrDefault("ceiling.clients", Double.NaN), ceiling));
        if (f.containsKey("ceiling.pgbench.per_second")) {
            table.append(String.format(Locale.ROOT, " (JDBC from the JVM: %.0f)", f.get("ceiling.jdbc.per_second")));
        }
        if (f.containsKey("gatling.smoke.requests")) {
            table.append(String.format(Locale.ROOT, "%n%nSmoke run: books of %.0f projects (%.0f events), %.0f Gatling requests "
                            + "covering every scenario (%.0f failed), the reports, an as-of report and a rebuild of %.0f events "
                            + "all answered. No figure of a smoke run is judged.%n", f.getOrDefault("books.projects", Double.NaN),
                    f.getOrDefault("books.events", Double.NaN), f.get("gatling.smoke.requests"),
                    f.getOrDefault("gatling.smoke.ko", Double.NaN), f.getOrDefault("rebuild.events", Double.NaN)));
            save(figures, table);
            return;
        }
        table.append("\n\n| figure | measured | ratio to ceiling | target | met |\n|---|---|---|---|---|\n");
        writes(table, f, ceiling, "distinct", "REST writes, distinct cases", 0.10, 100);
        double distinct = f.getOrDefault("gatling.distinct.per_second", Double.NaN);
        double oneFrame = f.getOrDefault("gatling.oneframe.per_second", Double.NaN);
        row(table, "REST writes, all on one year's frame", String.format(Locale.ROOT, "%.0f/s, p99 %.0f ms (%.2f× distinct)%s",
                oneFrame, f.getOrDefault("gatling.oneframe.p99_ms", Double.NaN), oneFrame / distinct, cpu(f, "oneframe")),
                ratio(oneFrame, ceiling), "≥ 0.5× distinct", oneFrame >= 0.5 * distinct);
        row(table, "one client, one write", String.format(Locale.ROOT, "p50 %.0f ms, p99 %.0f ms%s",
                f.getOrDefault("gatling.single.p50_ms", Double.NaN), f.getOrDefault("gatling.single.p99_ms", Double.NaN),
                cpu(f, "single")),
                ratio(f.getOrDefault("gatling.single.per_second", Double.NaN), ceiling), "p50 < 10 ms, p99 < 50 ms",
                f.getOrDefault("gatling.single.p50_ms", 1e9) < 10 && f.getOrDefault("gatling.single.p99_ms", 1e9) < 50);
        if (f.containsKey("gatling.mixed.per_second")) {
            row(table, "finance staff mix (reads and writes)", String.format(Locale.ROOT, "%.0f/s, p99 %.0f ms",
                    f.get("gatling.mixed.per_second"), f.getOrDefault("gatling.mixed.p99_ms", Double.NaN)),
                    ratio(f.get("gatling.mixed.per_second"), ceiling), "(no target)", null);
        }
        row(table, "rebuild of every projection", String.format(Locale.ROOT, "%.0f events/s (%.0f events in %.1f s)",
                f.getOrDefault("rebuild.events_per_second", Double.NaN), f.getOrDefault("rebuild.events", Double.NaN),
                f.getOrDefault("rebuild.seconds", Double.NaN)), "", "≥ 20 000 events/s",
                f.getOrDefault("rebuild.events_per_second", 0.0) >= 20_000);
        row(table, String.format(Locale.ROOT, "every /api/reports/* for one year (%.0f projects, %.0f events)",
                        f.getOrDefault("books.projects", Double.NaN), f.getOrDefault("rebuild.events", Double.NaN)),
                String.format(Locale.ROOT, "p50 %.0f ms, p99 %.0f ms", f.getOrDefault("report.all.p50_ms", Double.NaN),
                        f.getOrDefault("report.all.p99_ms", Double.NaN)), "", "p99 < 100 ms",
                f.getOrDefault("report.all.p99_ms", 1e9) < 100);
        row(table, "an as-of report", String.format(Locale.ROOT, "p50 %.0f ms, max %.0f ms",
                f.getOrDefault("asof.p50_ms", Double.NaN), f.getOrDefault("asof.max_ms", Double.NaN)), "", "< 2 s",
                f.getOrDefault("asof.max_ms", 1e9) < 2000);
        double eventsPerSecond = f.getOrDefault("books.events_per_second", Double.NaN);
        row(table, "loading history (books generator over REST)", String.format(Locale.ROOT,
                        "%.0f events/s (%.0f events in %.0f s; 1 M events would take %.0f min)", eventsPerSecond,
                        f.getOrDefault("books.events", Double.NaN), f.getOrDefault("books.seconds", Double.NaN),
                        1_000_000 / eventsPerSecond / 60), ratio(f.getOrDefault("books.writes_per_second", Double.NaN), ceiling),
                "1 M events < 10 min", 1_000_000 / eventsPerSecond < 600);
        if (f.containsKey("import.events_per_second")) {
            double imported = f.get("import.events_per_second");
            row(table, "loading history (the import)", String.format(Locale.ROOT,
                            "%.0f events/s (%.0f projects, %.0f rows, %.0f events: dry run %.0f s, run %.0f s, read models"
                                    + " %.0f s more; 1 M events would take %.0f min)", imported,
                            f.get("import.projects"), f.get("import.rows"), f.get("import.events"),
                            f.get("import.dry_run_seconds"), f.get("import.run_seconds"),
                            f.get("import.read_models_seconds"), 1_000_000 / imported / 60),
                    ratio(imported, ceiling), "1 M events < 10 min", 1_000_000 / imported < 600);
        }
        row(table, "service RSS under load", String.format(Locale.ROOT, "%.0f MiB (highest sample)",
                f.getOrDefault("rss.max_mib", Double.NaN)), "", "< 512 MiB", f.getOrDefault("rss.max_mib", 1e9) < 512);
        for (String scenario : new String[] {"distinct", "oneframe"}) {
            String first = "gatling.twonodes." + scenario + ".first.";
            String second = "gatling.twonodes." + scenario + ".second.";
            if (f.containsKey(first + "per_second")) {
                double both = f.get(first + "per_second") + f.getOrDefault(second + "per_second", 0.0);
                row(table, "two nodes, one database: " + (scenario.equals("distinct") ? "distinct cases" : "one year's frame"),
                        String.format(Locale.ROOT, "%.0f/s together (%.0f + %.0f), p99 %.0f / %.0f ms, %.0f retries in all",
                                both, f.get(first + "per_second"), f.getOrDefault(second + "per_second", Double.NaN),
                                f.getOrDefault(first + "p99_ms", Double.NaN), f.getOrDefault(second + "p99_ms", Double.NaN),
                                f.getOrDefault("twonodes.retries", Double.NaN)),
                        ratio(both, ceiling), "(no target)", null);
            }
        }
        save(figures, table);
    }

    /** Prints the table and keeps it as summary.md beside the figures. */
    private static void save(Bench.Figures figures, CharSequence table) throws IOException {
        java.nio.file.Path summary = figures.file().resolveSibling("summary.md");
        Files.writeString(summary, table);
        System.out.println(table);
        System.out.println("(written to " + summary + ")");
    }

    private static void writes(StringBuilder table, Map<String, Double> f, double ceiling, String name, String label,
                               double targetRatio, double targetP99) {
        double perSecond = f.getOrDefault("gatling." + name + ".per_second", Double.NaN);
        double p99 = f.getOrDefault("gatling." + name + ".p99_ms", Double.NaN);
        row(table, label + ", " + f.getOrDefault("gatling." + name + ".users", Double.NaN).intValue() + " clients",
                String.format(Locale.ROOT, "%.0f/s, p50 %.0f ms, p99 %.0f ms%s", perSecond,
                        f.getOrDefault("gatling." + name + ".p50_ms", Double.NaN), p99, cpu(f, name)), ratio(perSecond, ceiling),
                String.format(Locale.ROOT, "≥ %.2f×, p99 < %.0f ms", targetRatio, targetP99),
                perSecond / ceiling >= targetRatio && p99 < targetP99);
    }

    /** The service's CPU per request and its share of the machine's busy CPU while the scenario ran. */
    private static String cpu(Map<String, Double> f, String name) {
        String key = "gatling." + name + ".";
        if (!f.containsKey(key + "service_cpu_ms_per_request")) {
            return "";
        }
        return String.format(Locale.ROOT, "; service CPU %.1f ms a request, %.0f %% of the machine's busy CPU (%.0f %% busy)",
                f.get(key + "service_cpu_ms_per_request"), 100 * f.getOrDefault(key + "service_share_of_busy", Double.NaN),
                100 * f.getOrDefault(key + "machine_busy_share", Double.NaN));
    }

    private static String ratio(double value, double ceiling) {
        return Double.isNaN(value) ? "" : String.format(Locale.ROOT, "%.3f×", value / ceiling);
    }

    private static void row(StringBuilder table, String figure, String measured, String ratio, String target, Boolean met) {
        if (measured.startsWith("NaN") || measured.startsWith("p50 NaN")) {
            return; // a step this run left out (--import-only)
        }
        table.append("| ").append(figure).append(" | ").append(measured).append(" | ").append(ratio).append(" | ")
                .append(target).append(" | ").append(met == null ? "" : met ? "yes" : "**no**").append(" |\n");
    }
}
