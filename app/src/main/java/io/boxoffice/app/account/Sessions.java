package io.boxoffice.app.account;

import io.boxoffice.app.security.AuthProperties;
import io.boxoffice.app.security.RevokedSessions;
import io.boxoffice.app.security.TokenIssuer;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Signed-in sessions: each has a refresh token (stored only as its SHA-256) that buys new access tokens, and is
 * rotated on every use. A replaced refresh token presented again means two parties hold the session: it is
 * revoked. Signing out, or a change of the account's roles, revokes sessions; their access tokens are then refused
 * by every node ({@link RevokedSessions}).
 */
@Component
@ConditionalOnProperty(name = "boxoffice.auth.issuer.enabled", havingValue = "true", matchIfMissing = true)
public class Sessions {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcTemplate jdbc;
    private final Accounts accounts;
    private final TokenIssuer tokens;
    private final RevokedSessions revoked;
    private final AuthProperties auth;
    private final Clock clock;

    public Sessions(JdbcTemplate jdbc, Accounts accounts, TokenIssuer tokens, RevokedSessions revoked,
                    AuthProperties auth, Clock clock) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.tokens = tokens;
        this.revoked = revoked;
        this.auth = auth;
        this.clock = clock;
    }

    /** What a fan holds after signing in: an access token for minutes and a refresh token for the session. */
    public record Issued(String username, String token, Instant expiresAt, String refreshToken) {
    }

    public Issued open(Accounts.Account account) {
        String sessionId = UUID.randomUUID().toString();
        String refreshToken = newRefreshToken();
        jdbc.update("INSERT INTO auth_session (session_id, username, refresh_token_hash, expires_at) "
                        + "VALUES (CAST(? AS UUID), ?, ?, ?)", sessionId, account.username(), hash(refreshToken),
                refreshExpiry());
        return issue(account, sessionId, refreshToken);
    }

    /** Whose live session a refresh token belongs to (to charge their rate limit before anything changes). */
    public Optional<String> owner(String refreshToken) {
        return jdbc.queryForList("SELECT username FROM auth_session WHERE refresh_token_hash = ? "
                + "AND revoked_at IS NULL AND expires_at > now()", String.class, hash(refreshToken)).stream().findFirst();
    }

    /** New tokens for a live session, with the account's current roles; the refresh token presented is spent. */
    public Optional<Issued> refresh(String refreshToken) {
        String next = newRefreshToken();
        List<String[]> rotated = jdbc.query("""
                        UPDATE auth_session SET previous_refresh_hash = refresh_token_hash, refresh_token_hash = ?,
                                                expires_at = ?
                        WHERE refresh_token_hash = ? AND revoked_at IS NULL AND expires_at > now()
                        RETURNING session_id::text, username""",
                (row, n) -> new String[]{row.getString(1), row.getString(2)}, hash(next), refreshExpiry(),
                hash(refreshToken));
        if (rotated.isEmpty()) {
            revokedNow(jdbc.queryForList("UPDATE auth_session SET revoked_at = clock_timestamp() "
                    + "WHERE previous_refresh_hash = ? AND revoked_at IS NULL RETURNING session_id::text",
                    String.class, hash(refreshToken)).stream());
            return Optional.empty();
        }
        String sessionId = rotated.get(0)[0];
        return accounts.find(rotated.get(0)[1]).map(account -> issue(account, sessionId, next));
    }

    /** Signing out with an access token: its session ends. */
    public void signOut(String sessionId) {
        revokedNow(jdbc.queryForList("UPDATE auth_session SET revoked_at = clock_timestamp() "
                + "WHERE session_id = CAST(? AS UUID) AND revoked_at IS NULL RETURNING session_id::text",
                String.class, sessionId).stream());
    }

    /** Signing out with a refresh token (the access token may have expired already). */
    public void signOutWithRefreshToken(String refreshToken) {
        revokedNow(jdbc.queryForList("UPDATE auth_session SET revoked_at = clock_timestamp() "
                + "WHERE refresh_token_hash = ? AND revoked_at IS NULL RETURNING session_id::text",
                String.class, hash(refreshToken)).stream());
    }

    /** Every session of the account ends: after a change of its roles or its password. */
    public void revokeAll(String username) {
        revokedNow(jdbc.queryForList("UPDATE auth_session SET revoked_at = clock_timestamp() "
                + "WHERE username = ? AND revoked_at IS NULL RETURNING session_id::text", String.class, username)
                .stream());
    }

    private void revokedNow(Stream<String> sessionIds) {
        sessionIds.forEach(revoked::revoked);
    }

    private Issued issue(Accounts.Account account, String sessionId, String refreshToken) {
        List<String> roles = Stream.concat(Stream.of(Role.FAN), account.roles().stream()).distinct()
                .map(Role::name).toList();
        TokenIssuer.AccessToken access = tokens.issue(account.username(), roles, sessionId);
        return new Issued(account.username(), access.token(), access.expiresAt(), refreshToken);
    }

    private Timestamp refreshExpiry() {
        return Timestamp.from(clock.instant().plus(auth.issuer().refreshTokenTtl()));
    }

    private static String newRefreshToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static byte[] hash(String refreshToken) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(refreshToken.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
