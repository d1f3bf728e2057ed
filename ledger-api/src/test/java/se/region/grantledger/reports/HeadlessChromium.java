package se.region.grantledger.reports;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's Chromium, headless, as the report tests use it (`.ci/run` installs the `chromium` package when it is
 * missing). The flags keep it off the network, which this machine closes: no background connections, no updates.
 */
public final class HeadlessChromium {

    private HeadlessChromium() {
    }

    public static String executable() {
        for (String candidate : List.of(System.getenv().getOrDefault("CHROMIUM", ""), "/usr/bin/chromium",
                "/usr/bin/chromium-browser")) {
            if (!candidate.isBlank() && Files.isExecutable(Path.of(candidate))) {
                return candidate;
            }
        }
        throw new AssertionError("headless Chromium is needed for the report test: install Debian's chromium package"
                + " (bash .ci/run does), or set CHROMIUM to its path");
    }

    /** Runs Chromium with a fresh profile in {@code folder} and returns what it printed on standard output. */
    public static String run(Path folder, String... arguments) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory(folder, "profile-");
        List<String> command = new ArrayList<>(List.of(executable(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--hide-scrollbars", "--user-data-dir=" + profile));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectError(folder.resolve("chromium.log").toFile()).start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new AssertionError("chromium failed (" + String.join(" ", command) + "); see " + folder.resolve("chromium.log"));
        }
        return new String(output, StandardCharsets.UTF_8);
    }
}
