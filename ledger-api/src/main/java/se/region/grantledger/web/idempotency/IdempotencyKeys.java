package se.region.grantledger.web.idempotency;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import se.region.grantledger.infrastructure.liveness.ServiceInstance;

import java.time.Duration;
import java.util.Optional;

/**
 * The idempotency_key table. Each statement commits on its own: the claim must be visible to a concurrent
 * retry at once, and the stored answer must outlive the request's own transaction.
 */
@Repository
class IdempotencyKeys {

    /**
     * A claim without an answer is abandoned, and may be taken over, when the instance that made it has died
     * (it no longer holds its liveness lock: a crash, at once) or when it is older than this (a request that hung).
     */
    static final Duration ABANDONED_AFTER = Duration.ofMinutes(5);

    private final JdbcTemplate jdbc;
    private final ServiceInstance instance;

    IdempotencyKeys(JdbcTemplate jdbc, ServiceInstance instance) {
        this.jdbc = jdbc;
        this.instance = instance;
    }

    /** @return true if this request is the first with the key and must be handled */
    boolean claim(String user, String key, String requestHash) {
        return jdbc.update("INSERT INTO idempotency_key (username, idempotency_key, request_hash, instance_id) "
                + "VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING", user, key, requestHash, instance.id()) == 1;
    }

    Optional<StoredResponse> find(String user, String key) {
        return jdbc.query("SELECT request_hash, status, content_type, location, body, "
                        + "(status IS NULL AND (created_at < now() - make_interval(secs => ?) OR NOT "
                        + ServiceInstance.ALIVE_SQL.formatted("coalesce(instance_id, 0)") + ")) AS abandoned "
                        + "FROM idempotency_key WHERE username = ? AND idempotency_key = ?",
                (rs, row) -> new StoredResponse(rs.getString("request_hash"), (Integer) rs.getObject("status"),
                        rs.getString("content_type"), rs.getString("location"), rs.getBytes("body"),
                        rs.getBoolean("abandoned")),
                ABANDONED_AFTER.toSeconds(), user, key).stream().findFirst();
    }

    void complete(String user, String key, int status, String contentType, String location, byte[] body) {
        jdbc.update("UPDATE idempotency_key SET status = ?, content_type = ?, location = ?, body = ?, "
                + "completed_at = now() WHERE username = ? AND idempotency_key = ?",
                status, contentType, location, body, user, key);
    }

    /** Forget a claim whose request failed on our side, so that a retry is handled afresh. */
    void release(String user, String key) {
        jdbc.update("DELETE FROM idempotency_key WHERE username = ? AND idempotency_key = ? AND status IS NULL",
                user, key);
    }
}
