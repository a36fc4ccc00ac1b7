package io.boxoffice.query.reservation;

import io.boxoffice.api.common.Money;
import io.boxoffice.api.reservation.FindReservation;
import io.boxoffice.api.reservation.ReservationCancelled;
import io.boxoffice.api.reservation.ReservationPlaced;
import io.boxoffice.api.reservation.ReservationStatus;
import io.boxoffice.api.reservation.ReservationView;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Reservations for their owners. The processing group is subscribing (see application properties): it runs in
 * the command's transaction, so what a fan was just told is what they read back.
 */
@Component
@ProcessingGroup(ReservationProjection.PROCESSING_GROUP)
public class ReservationProjection {

    public static final String PROCESSING_GROUP = "reservations";

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public ReservationProjection(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @EventHandler
    void on(ReservationPlaced event, @org.axonframework.eventhandling.Timestamp Instant placedAt) {
        jdbc.update("""
                        INSERT INTO reservation_view (reservation_id, event_id, user_id, seat_ids, status, expires_at,
                                                      amount, currency, placed_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT (reservation_id) DO NOTHING""",
                event.reservationId(), event.eventId(), event.userId(),
                event.seatIds().toArray(String[]::new), ReservationStatus.HELD.name(),
                Timestamp.from(event.heldUntil()), event.amount().amount(), event.amount().currency(),
                Timestamp.from(placedAt));
    }

    @EventHandler
    void on(ReservationCancelled event) {
        jdbc.update("UPDATE reservation_view SET status = ? WHERE reservation_id = ?",
                ReservationStatus.CANCELLED.name(), event.reservationId());
    }

    @QueryHandler
    public Optional<ReservationView> handle(FindReservation query) {
        return jdbc.query("""
                        SELECT reservation_id, event_id, user_id, seat_ids, status, expires_at, amount, currency
                        FROM reservation_view WHERE reservation_id = ?""",
                (row, n) -> view(row), query.reservationId()).stream().findFirst();
    }

    private ReservationView view(ResultSet row) throws SQLException {
        ReservationStatus status = ReservationStatus.valueOf(row.getString("status"));
        Instant expiresAt = row.getTimestamp("expires_at").toInstant();
        if (status == ReservationStatus.HELD && !clock.instant().isBefore(expiresAt)) {
            // the hold has ended even if nothing has written its expiry yet
            status = ReservationStatus.EXPIRED;
        }
        Array seatIds = row.getArray("seat_ids");
        return new ReservationView(row.getString("reservation_id"), row.getString("event_id"),
                row.getString("user_id"), List.of((String[]) seatIds.getArray()), status, expiresAt,
                new Money(row.getBigDecimal("amount"), row.getString("currency")));
    }
}
