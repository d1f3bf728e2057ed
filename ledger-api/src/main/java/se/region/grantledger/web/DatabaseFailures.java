package se.region.grantledger.web;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a failure's causes for what the database said. An unreachable database is the ledger's trouble, not the
 * client's, and passes (503, try again); a value PostgreSQL cannot hold (SQLState class 22) is the client's
 * (400), and since the command's transaction rolled back, nothing of it was stored.
 */
public final class DatabaseFailures {

    /** Connection errors (08), the server shutting down or starting (57P0x), too many connections (53300). */
    private static final Set<String> UNAVAILABLE = Set.of("57P01", "57P02", "57P03", "53300");

    private static final java.util.regex.Pattern CLOSED = java.util.regex.Pattern.compile(
            "(?i)connection (is|has been) closed|i/o error|connection refused");
    private static final Set<String> CONNECTION_FAILURES = Set.of(
            "org.springframework.jdbc.CannotGetJdbcConnectionException",
            "org.springframework.transaction.CannotCreateTransactionException",
            "org.springframework.dao.DataAccessResourceFailureException",
            "org.hibernate.exception.JDBCConnectionException");

    private DatabaseFailures() {
    }

    public static boolean unavailable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = next(cause)) {
            if (cause instanceof SQLTransientConnectionException || cause instanceof SQLNonTransientConnectionException
                    || cause instanceof ConnectException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || UNAVAILABLE.contains(sql.getSQLState()))) {
                return true;
            }
            // A pooled connection that died with the server: Hikari and pgjdbc say so in words, not in a state.
            if (cause instanceof SQLException sql && sql.getMessage() != null
                    && CLOSED.matcher(sql.getMessage()).find()) {
                return true;
            }
            if (CONNECTION_FAILURES.contains(cause.getClass().getName())) {
                return true;
            }
        }
        return false;
    }

    /** @return PostgreSQL's words for a value it could not hold, if that is what failed */
    public static Optional<String> valueOutOfRange(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = next(cause)) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("22")) {
                String message = sql.getMessage() == null ? "" : sql.getMessage().lines().findFirst().orElse("");
                return Optional.of(message.replaceFirst("^ERROR: ", ""));
            }
        }
        return Optional.empty();
    }

    private static Throwable next(Throwable cause) {
        Throwable next = cause.getCause();
        if (next == null && cause instanceof SQLException sql) {
            next = sql.getNextException();
        }
        return next == cause ? null : next;
    }
}
