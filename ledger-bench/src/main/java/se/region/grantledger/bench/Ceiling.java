package se.region.grantledger.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the same PostgreSQL can commit at all: one 300-byte {@code bytea} row per transaction from N clients, the
 * shape of one event append. Measured twice where possible: with {@code pgbench} (a custom script, when it is on
 * the PATH; it is not on CI machines) and with JDBC from the JVM (always), so each write figure of a run has a
 * ceiling of the same run beside it.
 */
final class Ceiling {

    private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)");

    private Ceiling() {
    }

    /** Commits per second of single-row inserts by {@code clients} JDBC connections for {@code seconds}. */
    static double jdbc(String url, String user, String password, int clients, int seconds) throws Exception {
        try (Connection connection = DriverManager.getConnection(url, user, password);
             Statement sql = connection.createStatement()) {
            sql.execute("CREATE TABLE IF NOT EXISTS bench_ceiling (id bigserial PRIMARY KEY, payload bytea NOT NULL)");
        }
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<Long>> counts = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                counts.add(pool.submit(() -> {
                    long commits = 0;
                    byte[] payload = new byte[300];
                    try (Connection connection = DriverManager.getConnection(url, user, password);
                         PreparedStatement insert = connection.prepareStatement("INSERT INTO bench_ceiling (payload) VALUES (?)")) {
                        connection.setAutoCommit(true);
                        while (System.nanoTime() < deadline) {
                            ThreadLocalRandom.current().nextBytes(payload);
                            insert.setBytes(1, payload);
                            insert.executeUpdate();
                            commits++;
                        }
                    }
                    return commits;
                }));
            }
            long total = 0;
            for (Future<Long> count : counts) {
                total += count.get();
            }
            return total / (double) seconds;
        } finally {
            pool.shutdownNow();
            dropTable(url, user, password);
        }
    }

    /** The same with pgbench, if it is installed; empty if not. */
    static OptionalDouble pgbench(String host, int port, String user, int clients, int seconds) throws Exception {
        if (!onPath("pgbench")) {
            return OptionalDouble.empty();
        }
        String url = "jdbc:postgresql://" + host + ":" + port + "/postgres";
        try (Connection connection = DriverManager.getConnection(url, user, "");
             Statement sql = connection.createStatement()) {
            sql.execute("CREATE TABLE IF NOT EXISTS bench_ceiling (id bigserial PRIMARY KEY, payload bytea NOT NULL)");
        }
        Path script = Files.createTempFile("ceiling", ".sql");
        Files.writeString(script, "INSERT INTO bench_ceiling (payload) VALUES (decode(md5(random()::text) || repeat('ab', 284), 'hex'));\n");
        try {
            Process pgbench = new ProcessBuilder("pgbench", "-h", host, "-p", String.valueOf(port), "-U", user, "-n",
                    "-c", String.valueOf(clients), "-j", String.valueOf(Math.min(clients, 2)), "-T", String.valueOf(seconds),
                    "-f", script.toString(), "postgres").redirectErrorStream(true).start();
            String output = new String(pgbench.getInputStream().readAllBytes());
            pgbench.waitFor();
            Matcher tps = TPS.matcher(output);
            if (pgbench.exitValue() != 0 || !tps.find()) {
                throw new IllegalStateException("pgbench failed:\n" + output);
            }
            return OptionalDouble.of(Double.parseDouble(tps.group(1)));
        } finally {
            Files.deleteIfExists(script);
            dropTable(url, user, "");
        }
    }

    private static void dropTable(String url, String user, String password) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, user, password);
             Statement sql = connection.createStatement()) {
            sql.execute("DROP TABLE IF EXISTS bench_ceiling");
        }
    }

    private static boolean onPath(String program) throws IOException {
        for (String directory : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!directory.isEmpty() && Files.isExecutable(Path.of(directory, program))) {
                return true;
            }
        }
        return false;
    }
}
