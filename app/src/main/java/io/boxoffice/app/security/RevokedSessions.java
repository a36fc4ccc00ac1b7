package io.boxoffice.app.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

/**
 * The sessions revoked lately (signed out, roles changed, a refresh token reused), as every node must know them to
 * refuse their access tokens. Each node reads the sessions revoked since its last look once a second (one indexed
 * query, whatever the number of fans) and keeps them for as long as an access token lives; the node that revokes
 * knows at once. It also deletes sessions long expired.
 */
@Component
@ConditionalOnProperty(name = "boxoffice.auth.issuer.enabled", havingValue = "true", matchIfMissing = true)
public class RevokedSessions implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(RevokedSessions.class);
    /** Revocations committed late (a transaction that took its time) are still seen: each look overlaps the last. */
    private static final Duration OVERLAP = Duration.ofSeconds(10);
    private static final Duration CLEAN_UP_EVERY = Duration.ofHours(1);

    private final JdbcTemplate jdbc;
    private final Cache<String, Boolean> revoked;
    private final Duration keepFor;
    private final Duration pollInterval;
    private Timestamp seenUpTo;
    private Instant nextCleanUp = Instant.MIN;

    public RevokedSessions(JdbcTemplate jdbc, AuthProperties auth) {
        this.jdbc = jdbc;
        this.pollInterval = auth.revocationPollInterval();
        // past an access token's life (and the decoder's 60 s of clock skew), its session's revocation is moot
        this.keepFor = auth.issuer().accessTokenTtl().plus(Duration.ofMinutes(2));
        this.revoked = Caffeine.newBuilder().expireAfterWrite(keepFor).build();
        this.seenUpTo = Timestamp.from(Instant.now().minus(keepFor));
        look(); // the revocations made before this node started
    }

    public boolean isRevoked(String sessionId) {
        return revoked.getIfPresent(sessionId) != null;
    }

    /** Known on this node at once; the others learn it within a poll. */
    public void revoked(String sessionId) {
        revoked.put(sessionId, Boolean.TRUE);
    }

    /** Once a second ({@code boxoffice.auth.revocation-poll-interval}). */
    @Override
    public void configureTasks(ScheduledTaskRegistrar tasks) {
        tasks.addFixedDelayTask(this::look, pollInterval);
    }

    synchronized void look() {
        try {
            Timestamp since = Timestamp.from(seenUpTo.toInstant().minus(OVERLAP));
            jdbc.query("SELECT session_id::text, revoked_at FROM auth_session WHERE revoked_at > ?", row -> {
                revoked(row.getString(1));
                Timestamp at = row.getTimestamp(2);
                if (at.after(seenUpTo)) {
                    seenUpTo = at;
                }
            }, since);
            if (Instant.now().isAfter(nextCleanUp)) {
                nextCleanUp = Instant.now().plus(CLEAN_UP_EVERY);
                int deleted = jdbc.update("DELETE FROM auth_session WHERE expires_at < now() - interval '1 day'");
                log.debug("{} expired sessions deleted", deleted);
            }
        } catch (RuntimeException e) {
            log.warn("could not read revoked sessions ({}); trying again", e.toString());
        }
    }
}
