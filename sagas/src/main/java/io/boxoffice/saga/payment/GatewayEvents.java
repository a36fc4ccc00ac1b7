package io.boxoffice.saga.payment;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.List;

/**
 * The gateway events received, by id (table {@code gateway_event}): a gateway event id has exactly one effect ever.
 * Recorded in the transaction of its effect, so a refused or failed webhook leaves no trace and its retry counts.
 * Two deliveries at once meet on the primary key: the second waits for the first's transaction and then sees it.
 */
@Component
public class GatewayEvents {

    private final JdbcTemplate jdbc;

    public GatewayEvents(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public enum Seen {
        /** First time: its effect follows in this transaction. */
        NEW,
        /** The same event again (the same body): it had its effect. */
        DUPLICATE,
        /** A known id with another body: not the gateway's event. */
        CONFLICT
    }

    /** Records the event unless its id is known; tells which. Run within the transaction of its effect. */
    public Seen record(String gatewayEventId, byte[] body, String reservationId) {
        byte[] digest = sha256(body);
        int inserted = jdbc.update("INSERT INTO gateway_event (gateway_event_id, body_sha256, reservation_id) "
                + "VALUES (?, ?, ?) ON CONFLICT (gateway_event_id) DO NOTHING", gatewayEventId, digest, reservationId);
        if (inserted == 1) {
            return Seen.NEW;
        }
        List<byte[]> known = jdbc.queryForList("SELECT body_sha256 FROM gateway_event WHERE gateway_event_id = ?",
                byte[].class, gatewayEventId);
        return known.size() == 1 && Arrays.equals(known.get(0), digest) ? Seen.DUPLICATE : Seen.CONFLICT;
    }

    private static byte[] sha256(byte[] body) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(body);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
