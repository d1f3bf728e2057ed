package se.region.grantledger.infrastructure.liveness;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * This running process, as other processes can see it in PostgreSQL: it holds a session advisory lock on its own
 * random id for as long as it lives. PostgreSQL drops the lock when the session ends, also when the process is
 * killed, so "is the instance that claimed this still alive?" is one look at {@code pg_locks} (see
 * {@link #ALIVE_SQL}). If the database connection is lost, the lock is taken again on the next check.
 */
@Component
public class ServiceInstance implements SmartLifecycle {

    /** The advisory lock space of service instances: the first of pg_advisory_lock's two keys ("LEDG"). */
    public static final int LOCK_SPACE = 0x4c454447;
    /** SQL that is true while the instance whose id is the parameter's value holds its lock. */
    public static final String ALIVE_SQL = "EXISTS (SELECT 1 FROM pg_locks l WHERE l.locktype = 'advisory' AND l.granted"
            + " AND l.classid::bigint = " + LOCK_SPACE + " AND l.objid::bigint = %s AND l.objsubid = 2)";

    private static final Logger log = LoggerFactory.getLogger(ServiceInstance.class);

    private final DataSource dataSource;
    private final int id = 1 + new SecureRandom().nextInt(Integer.MAX_VALUE - 1);
    private volatile Connection session;
    private volatile boolean running;

    public ServiceInstance(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public long id() {
        return id;
    }

    @Override
    public synchronized void start() {
        running = true;
        holdLock();
    }

    /** Checks the session every few seconds and takes the lock again after a lost connection. */
    @Scheduled(fixedDelay = 3000)
    public synchronized void keepLock() {
        if (!running) {
            return;
        }
        try {
            if (session != null && session.isValid(1)) {
                return;
            }
        } catch (SQLException invalid) {
            // taken again below
        }
        holdLock();
    }

    private void holdLock() {
        closeSession();
        try {
            Connection connection = dataSource.getConnection();
            connection.setAutoCommit(true);
            try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_lock(?, ?)")) {
                lock.setInt(1, LOCK_SPACE);
                lock.setInt(2, id);
                lock.execute();
            }
            session = connection;
            log.info("Service instance {} holds its liveness lock", id);
        } catch (SQLException unavailable) {
            log.warn("Service instance {} could not take its liveness lock (retried): {}", id, unavailable.toString());
        }
    }

    private void closeSession() {
        if (session != null) {
            try {
                session.close();
            } catch (SQLException ignored) {
                // the session is gone either way
            }
            session = null;
        }
    }

    @Override
    public synchronized void stop() {
        running = false;
        closeSession();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Early, before the web server takes requests, and stopped late, after it has finished them. */
    @Override
    public int getPhase() {
        return Integer.MIN_VALUE + 1000;
    }
}
