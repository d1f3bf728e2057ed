package se.region.grantledger.infrastructure.postgres;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Makes a start after a crash work on the first try. The embedded PostgreSQL is a child process; when the JVM is
 * killed ({@code kill -9}, the OOM killer, a power cut of the container) it outlives it, holding
 * {@code postmaster.pid}, and a new server cannot start on the same data directory.
 * <p>
 * So the service first takes an operating-system lock on a file beside the data directory, which the kernel
 * releases when the process dies however it dies. Holding it proves that no live service uses the directory, so
 * a postmaster still running there is an orphan of a dead one: it is asked to shut down (SIGTERM, PostgreSQL's
 * smart shutdown; its clients died with the old JVM), and the new server starts, recovering from the WAL if it
 * has to. If the lock is held, another live service uses the directory, and this one refuses to start.
 */
final class DataDirectoryOwnership implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DataDirectoryOwnership.class);
    private static final Duration ORPHAN_SHUTDOWN = Duration.ofSeconds(60);

    private final FileChannel channel;
    private final FileLock lock;

    private DataDirectoryOwnership(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the directory for this process and stops an orphaned server in it. */
    static DataDirectoryOwnership take(Path dataDirectory) throws IOException {
        Path lockFile = dataDirectory.resolveSibling(dataDirectory.getFileName() + ".owner.lock");
        FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (java.nio.channels.OverlappingFileLockException heldInThisJvm) {
            lock = null;
        }
        if (lock == null) {
            channel.close();
            throw new IllegalStateException("another running grant-ledger uses the data directory " + dataDirectory
                    + " (" + lockFile + " is locked); stop it first or set LEDGER_DATA_DIR to another directory");
        }
        channel.truncate(0).write(java.nio.ByteBuffer.wrap(
                (ProcessHandle.current().pid() + "\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
        stopOrphan(dataDirectory);
        return new DataDirectoryOwnership(channel, lock);
    }

    private static void stopOrphan(Path dataDirectory) throws IOException {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        Optional<ProcessHandle> postmaster = postmaster(pidFile);
        if (postmaster.isEmpty()) {
            return;
        }
        ProcessHandle orphan = postmaster.get();
        if (!servesThisDirectory(orphan, dataDirectory)) {
            log.warn("{} names process {}, which is not a PostgreSQL on this directory; removing the stale file",
                    pidFile, orphan.pid());
            Files.deleteIfExists(pidFile);
            return;
        }
        log.warn("PostgreSQL {} of a service that died still runs on {}; shutting it down before starting",
                orphan.pid(), dataDirectory);
        orphan.destroy();
        try {
            orphan.onExit().get(ORPHAN_SHUTDOWN.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception notYet) {
            log.warn("PostgreSQL {} did not shut down in {}; killing it (it recovers from its WAL on start)",
                    orphan.pid(), ORPHAN_SHUTDOWN);
            orphan.destroyForcibly();
            orphan.onExit().join();
        }
        waitUntilGone(pidFile);
    }

    private static Optional<ProcessHandle> postmaster(Path pidFile) throws IOException {
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        try {
            return ProcessHandle.of(Long.parseLong(lines.get(0).trim())).filter(ProcessHandle::isAlive);
        } catch (NumberFormatException unreadable) {
            return Optional.empty();
        }
    }

    /**
     * A postmaster started on this directory names it after {@code -D}. A process id can be reused after a reboot,
     * even by another PostgreSQL: only one whose command line names this directory is stopped. Where the system
     * does not tell a process's command line, it is trusted to be the one the pid file names.
     */
    private static boolean servesThisDirectory(ProcessHandle process, Path dataDirectory) {
        return process.info().commandLine()
                .map(command -> command.contains("postgres") && command.contains(dataDirectory.toString()))
                .orElse(true);
    }

    /** PostgreSQL removes its pid file as the last step of a shutdown; a killed one leaves it, which is harmless. */
    private static void waitUntilGone(Path pidFile) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (Files.exists(pidFile) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public void close() throws IOException {
        lock.release();
        channel.close();
    }
}
