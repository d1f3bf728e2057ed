package se.region.grantledger.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged service as its own operating-system process, started with {@code java -jar} as an operator would,
 * so that a test can kill it ({@code kill -9}) or stop it (SIGTERM) for real. The jar is the one {@code package}
 * built ({@code ledger.jar}, set by failsafe); output goes to target/service-logs.
 */
public final class ServiceProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static int started;

    private final Process process;
    private final int port;
    private final Path log;

    private ServiceProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts the jar in {@code workDirectory} with these environment variables added; does not wait. */
    public static ServiceProcess start(Path workDirectory, Map<String, String> environment) throws IOException {
        int port = freePort();
        Path logs = Path.of("target", "service-logs");
        Files.createDirectories(logs);
        Path log = logs.resolve(System.currentTimeMillis() + "-" + (++started) + ".log").toAbsolutePath();
        // The client compiler alone and the serial collector start the service about 15 % sooner; these tests judge
        // what it keeps and answers across crashes and outages, not how fast its code runs once warm.
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-Xmx512m", "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC", "-jar", jar().toString()));
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDirectory.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("PORT", String.valueOf(port));
        builder.environment().putAll(environment);
        return new ServiceProcess(builder.start(), port, log);
    }

    public static Path jar() {
        String configured = System.getProperty("ledger.jar");
        Path jar = configured != null ? Path.of(configured) : Path.of("target", "grant-ledger.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException("no packaged service at " + jar.toAbsolutePath()
                    + "; run these tests with ./mvnw verify");
        }
        return jar;
    }

    /** @return true once the service answers its health check UP, false if it exited or the time ran out */
    public boolean awaitHealthy(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline && process.isAlive()) {
            try {
                HttpResponse<String> health = HTTP.send(HttpRequest.newBuilder(URI.create(base() + "/actuator/health"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200) {
                    return true;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(200);
        }
        return false;
    }

    public String base() {
        return "http://localhost:" + port;
    }

    public LedgerClient client() {
        return new LedgerClient(base());
    }

    /** {@code kill -9}: no shutdown hook runs, the embedded PostgreSQL is orphaned. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGTERM, as an orchestrator stops a container: the service shuts down gracefully. @return the exit code */
    public int stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
            return -1;
        }
        return process.exitValue();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            stop();
        }
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
