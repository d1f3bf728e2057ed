package se.region.grantledger.bench;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What reporting jobs and auditors wait for: every report of a year, an as-of report, a rebuild of every projection. */
final class Probes {

    static final List<String> REPORTS = List.of("leverage?year=%d", "disbursements?year=%d", "business-support?year=%d",
            "goal-areas?year=%d", "commitments", "annual/%d");

    private final Ledger ledger;

    Probes(Ledger ledger) {
        this.ledger = ledger;
    }

    record Latency(double p50, double p99, double max, int samples) {
        static Latency of(List<Long> nanos) {
            List<Long> sorted = new ArrayList<>(nanos);
            Collections.sort(sorted);
            return new Latency(millis(sorted.get(sorted.size() / 2)),
                    millis(sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(sorted.size() * 0.99) - 1))),
                    millis(sorted.get(sorted.size() - 1)), sorted.size());
        }

        private static double millis(long nanos) {
            return nanos / 1_000_000.0;
        }
    }

    /** Each report of the year {@code rounds} times, after two rounds to warm up; as the "rapport" user. */
    Map<String, Latency> reports(int year, int rounds) {
        Map<String, List<Long>> times = new LinkedHashMap<>();
        for (int round = -2; round < rounds; round++) {
            for (String report : REPORTS) {
                Ledger.Answer answer = ledger.send("rapport", "GET", "/api/reports/" + report.formatted(year), null,
                        report.startsWith("annual") ? "text/html" : "application/json");
                ok(report, answer);
                if (round >= 0) {
                    times.computeIfAbsent(report.replaceAll("\\?.*|/%d", ""), name -> new ArrayList<>()).add(answer.nanos());
                }
            }
        }
        Map<String, Latency> latencies = new LinkedHashMap<>();
        List<Long> all = new ArrayList<>();
        times.forEach((report, nanos) -> {
            latencies.put(report, Latency.of(nanos));
            all.addAll(nanos);
        });
        latencies.put("all", Latency.of(all));
        return latencies;
    }

    /** The year's leverage and the commitments as known a moment ago: the replay path (docs/audit.md). */
    Latency asOf(int year, int rounds) {
        String moment = Instant.now().toString();
        List<Long> nanos = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            Ledger.Answer answer = ledger.get("revisor", "/api/reports/leverage?year=" + year + "&asOf=" + moment);
            ok("as-of leverage", answer);
            nanos.add(answer.nanos());
        }
        return Latency.of(nanos);
    }

    record Rebuild(long events, double seconds) {
        double perSecond() {
            return events / seconds;
        }
    }

    /** Starts a rebuild of every projection (as ADMIN) and waits until every processor has caught up again. */
    Rebuild rebuild() throws InterruptedException {
        long started = System.nanoTime();
        JsonNode progress = ledger.write("drift", "POST", "/api/admin/projections/rebuild", null);
        long total = progress.get("total").asLong();
        while (progress.get("rebuilding").asBoolean()) {
            Thread.sleep(100);
            Ledger.Answer answer = ledger.get("drift", "/api/admin/projections");
            ok("rebuild progress", answer);
            progress = answer.json();
        }
        return new Rebuild(total, (System.nanoTime() - started) / 1e9);
    }

    private static void ok(String what, Ledger.Answer answer) {
        if (answer.status() != 200) {
            throw new IllegalStateException(what + " answered " + answer.status() + ": " + answer.body());
        }
    }
}
