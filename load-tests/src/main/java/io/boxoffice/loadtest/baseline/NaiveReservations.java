package io.boxoffice.loadtest.baseline;

import io.boxoffice.command.catalog.SeatingCatalog;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The design Boxoffice replaces, kept to measure against: seat rows in PostgreSQL, reserved in one transaction that
 * reads the seats, refuses taken ones and updates each row only if its version is unchanged; a concurrent change
 * rolls the transaction back and it is retried. No gate in front, no events: every attempt is a transaction.
 */
public class NaiveReservations {

    /** Attempts of one request before it gives up on a seat that keeps changing under it. */
    static final int ATTEMPTS = 10;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final SeatingCatalog catalog;
    private final Clock clock;
    private final Duration holdDuration;

    public NaiveReservations(JdbcTemplate jdbc, TransactionTemplate transactions, SeatingCatalog catalog, Clock clock,
                             Duration holdDuration) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.catalog = catalog;
        this.clock = clock;
        this.holdDuration = holdDuration;
    }

    /** Seat rows for every seat of a Boxoffice event's venue (once). Returns how many the event has. */
    public int createSeats(String eventId) {
        List<String> seatIds = catalog.seating(eventId).map(seating -> List.copyOf(seating.categoryBySeat().keySet()))
                .orElseThrow(() -> new IllegalArgumentException("no event " + eventId));
        jdbc.batchUpdate("INSERT INTO baseline_seat (event_id, seat_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
                seatIds.stream().map(seatId -> new Object[]{eventId, seatId}).toList());
        // as after any bulk load: the planner learns of the new rows now, not at autovacuum's next pass (until then
        // the seat look-up's cached plan read thousands of pages a call: 15 ms a hold, which is not the design's cost)
        jdbc.execute("ANALYZE baseline_seat");
        return seatIds.size();
    }

    /** A hold, or the seats that were taken. */
    public sealed interface Outcome {
        record Held(String reservationId, Instant heldUntil) implements Outcome {
        }

        record Taken(List<String> seatIds) implements Outcome {
        }
    }

    /**
     * With an idempotency key, as Boxoffice: the reservation id is derived from fan and key, and a repeated request
     * is answered with the reservation the first one made.
     */
    public Outcome reserve(String eventId, String userId, List<String> seatIds, String idempotencyKey) {
        List<String> sorted = seatIds.stream().sorted().toList();
        String reservationId = idempotencyKey == null ? UUID.randomUUID().toString()
                : UUID.nameUUIDFromBytes((userId + "\n" + idempotencyKey).getBytes(StandardCharsets.UTF_8)).toString();
        for (int attempt = 1; ; attempt++) {
            try {
                return transactions.execute(status -> attempt(eventId, userId, sorted, reservationId,
                        idempotencyKey != null));
            } catch (VersionChanged changed) {
                if (attempt == ATTEMPTS) {
                    return new Outcome.Taken(changed.seatIds);
                }
            }
        }
    }

    private Outcome attempt(String eventId, String userId, List<String> seatIds, String reservationId,
                            boolean mayRepeat) {
        if (mayRepeat) {
            List<Timestamp> earlier = jdbc.queryForList(
                    "SELECT held_until FROM baseline_reservation WHERE reservation_id = ?", Timestamp.class,
                    reservationId);
            if (!earlier.isEmpty()) {
                return new Outcome.Held(reservationId, earlier.get(0).toInstant());
            }
        }
        Instant now = clock.instant();
        record Row(String seatId, String status, long version, Timestamp heldUntil) {
        }
        List<Row> rows = jdbc.query("""
                        SELECT seat_id, status, version, held_until FROM baseline_seat
                        WHERE event_id = ? AND seat_id = ANY (?) ORDER BY seat_id""",
                (row, n) -> new Row(row.getString("seat_id"), row.getString("status"), row.getLong("version"),
                        row.getTimestamp("held_until")), eventId, seatIds.toArray(String[]::new));
        if (rows.size() != seatIds.size()) {
            throw new IllegalArgumentException("unknown seats");
        }
        List<String> taken = rows.stream().filter(row -> row.status().equals("SOLD") || row.status().equals("HELD")
                && row.heldUntil().toInstant().isAfter(now)).map(Row::seatId).toList();
        if (!taken.isEmpty()) {
            return new Outcome.Taken(taken);
        }
        Instant heldUntil = now.plus(holdDuration);
        for (Row row : rows) {
            int updated = jdbc.update("""
                            UPDATE baseline_seat SET status = 'HELD', version = version + 1, reservation_id = ?,
                                   held_until = ?
                            WHERE event_id = ? AND seat_id = ? AND version = ?""",
                    reservationId, Timestamp.from(heldUntil), eventId, row.seatId(), row.version());
            if (updated == 0) {
                throw new VersionChanged(List.of(row.seatId()));
            }
        }
        jdbc.update("""
                        INSERT INTO baseline_reservation (reservation_id, event_id, user_id, seat_ids, status, held_until)
                        VALUES (?, ?, ?, ?, 'HELD', ?)""",
                reservationId, eventId, userId, seatIds.toArray(String[]::new), Timestamp.from(heldUntil));
        return new Outcome.Held(reservationId, heldUntil);
    }

    /** Opens a payment for the fan's live hold, as Boxoffice's checkout: its id, or empty when the hold is gone. */
    public Optional<String> checkout(String reservationId, String userId) {
        String paymentId = "pay-" + UUID.randomUUID();
        int opened = jdbc.update("""
                UPDATE baseline_reservation SET payment_id = ?
                WHERE reservation_id = ? AND user_id = ? AND status = 'HELD' AND held_until > ?""",
                paymentId, reservationId, userId, Timestamp.from(clock.instant()));
        return opened == 1 ? Optional.of(paymentId) : Optional.empty();
    }

    /** The gateway's notice that a payment succeeded: a live hold is paid, its seats SOLD. False otherwise. */
    public boolean paid(String paymentId) {
        return Boolean.TRUE.equals(transactions.execute(status -> {
            Timestamp now = Timestamp.from(clock.instant());
            List<String> paid = jdbc.queryForList("""
                    UPDATE baseline_reservation SET status = 'PAID'
                    WHERE payment_id = ? AND status = 'HELD' AND held_until > ? RETURNING reservation_id""",
                    String.class, paymentId, now);
            if (paid.isEmpty()) {
                return false;
            }
            jdbc.update("UPDATE baseline_seat SET status = 'SOLD', version = version + 1 WHERE reservation_id = ? "
                    + "AND status = 'HELD'", paid.get(0));
            return true;
        }));
    }

    public boolean cancel(String reservationId, String userId) {
        return Boolean.TRUE.equals(transactions.execute(status -> {
            int cancelled = jdbc.update("""
                    UPDATE baseline_reservation SET status = 'CANCELLED'
                    WHERE reservation_id = ? AND user_id = ? AND status = 'HELD'""", reservationId, userId);
            jdbc.update("""
                    UPDATE baseline_seat SET status = 'AVAILABLE', version = version + 1, reservation_id = NULL,
                           held_until = NULL
                    WHERE reservation_id = ? AND status = 'HELD' AND ? = 1""", reservationId, cancelled);
            return cancelled == 1;
        }));
    }

    /** Held (live) and sold seats, as Boxoffice's availability. */
    public Map<String, List<String>> availability(String eventId) {
        List<String> held = new ArrayList<>();
        List<String> sold = new ArrayList<>();
        jdbc.query("""
                SELECT seat_id, status FROM baseline_seat
                WHERE event_id = ? AND (status = 'SOLD' OR status = 'HELD' AND held_until > ?)""",
                row -> {
                    (row.getString("status").equals("SOLD") ? sold : held).add(row.getString("seat_id"));
                }, eventId, Timestamp.from(clock.instant()));
        return Map.of("held", held, "sold", sold);
    }

    /**
     * The baseline's own books: seats by status, and seats whose state disagrees with the reservations (a seat
     * sold or held for a reservation that does not hold it, or two reservations on one seat).
     */
    public Map<String, Object> verify(String eventId) {
        Map<String, Object> report = new LinkedHashMap<>();
        jdbc.query("SELECT status, count(*) AS seats FROM baseline_seat WHERE event_id = ? GROUP BY status",
                row -> {
                    report.put(row.getString("status").toLowerCase(), row.getLong("seats"));
                }, eventId);
        Long violations = jdbc.queryForObject("""
                SELECT count(*) FROM baseline_seat s
                WHERE s.event_id = ? AND s.status <> 'AVAILABLE' AND NOT EXISTS (
                    SELECT 1 FROM baseline_reservation r WHERE r.reservation_id = s.reservation_id
                      AND s.seat_id = ANY (r.seat_ids)
                      AND r.status = CASE s.status WHEN 'SOLD' THEN 'PAID' ELSE r.status END)""",
                Long.class, eventId);
        Long doubleSold = jdbc.queryForObject("""
                SELECT count(*) FROM (
                    SELECT seat FROM baseline_reservation, unnest(seat_ids) AS seat
                    WHERE event_id = ? AND status = 'PAID' GROUP BY seat HAVING count(*) > 1) twice""",
                Long.class, eventId);
        report.put("violations", violations + doubleSold);
        return report;
    }

    /** Another transaction changed a seat between this one's read and its update. */
    private static final class VersionChanged extends RuntimeException {

        private final List<String> seatIds;

        VersionChanged(List<String> seatIds) {
            super(null, null, false, false);
            this.seatIds = seatIds;
        }
    }
}
