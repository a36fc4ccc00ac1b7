package io.boxoffice.query.reservation;

import io.boxoffice.api.payment.LatePaymentReceived;
import io.boxoffice.api.payment.PaymentRefunded;
import io.boxoffice.api.reservation.ReservationCancelled;
import io.boxoffice.api.reservation.ReservationConfirmed;
import io.boxoffice.api.reservation.ReservationExpired;
import io.boxoffice.api.reservation.ReservationPaymentDeclined;
import io.boxoffice.api.reservation.ReservationPaymentFailed;
import io.boxoffice.api.reservation.ReservationPlaced;
import io.boxoffice.api.reservation.ReservationStatus;
import io.boxoffice.query.replay.Generation;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;
import java.time.Instant;

/**
 * Keeps one generation of the fans' reservation view ({@code reservation_view_blue} and its tickets and refunds;
 * {@link ReservationViews} reads the serving one). Every write is keyed by what the event names, so a replay over
 * existing rows leaves them as they were.
 */
public class ReservationProjection {

    private final JdbcTemplate jdbc;
    private final String suffix;
    private final Runnable emptyTables;

    /** @param emptyTables what a reset does before the replay from the first event */
    public ReservationProjection(JdbcTemplate jdbc, Generation generation, Runnable emptyTables) {
        this.jdbc = jdbc;
        this.suffix = generation.tableSuffix();
        this.emptyTables = emptyTables;
    }

    @ResetHandler
    void reset() {
        emptyTables.run();
    }

    @EventHandler
    void on(ReservationPlaced event, @org.axonframework.eventhandling.Timestamp Instant placedAt) {
        jdbc.update("""
                        INSERT INTO reservation_view%s (reservation_id, event_id, user_id, seat_ids, status, expires_at,
                                                      amount, currency, placed_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT (reservation_id) DO NOTHING""".formatted(suffix),
                event.reservationId(), event.eventId(), event.userId(),
                event.seatIds().toArray(String[]::new), ReservationStatus.HELD.name(),
                Timestamp.from(event.heldUntil()), event.amount().amount(), event.amount().currency(),
                Timestamp.from(placedAt));
    }

    @EventHandler
    void on(ReservationCancelled event) {
        status(event.reservationId(), ReservationStatus.CANCELLED);
    }

    @EventHandler
    void on(ReservationExpired event) {
        status(event.reservationId(), ReservationStatus.EXPIRED);
    }

    @EventHandler
    void on(ReservationPaymentFailed event) {
        status(event.reservationId(), ReservationStatus.PAYMENT_FAILED);
    }

    @EventHandler
    void on(ReservationPaymentDeclined event, @org.axonframework.eventhandling.Timestamp Instant declinedAt) {
        jdbc.update("UPDATE reservation_view%s SET payment_declined_at = ? WHERE reservation_id = ?".formatted(suffix),
                Timestamp.from(declinedAt), event.reservationId());
    }

    @EventHandler
    void on(ReservationConfirmed event) {
        status(event.reservationId(), ReservationStatus.CONFIRMED);
        jdbc.batchUpdate("""
                        INSERT INTO ticket_view%s (ticket_id, reservation_id, event_id, seat_id, holder)
                        VALUES (?, ?, ?, ?, ?) ON CONFLICT (ticket_id) DO NOTHING""".formatted(suffix),
                event.tickets().stream().map(ticket -> new Object[]{ticket.ticketId(), event.reservationId(),
                        ticket.eventId(), ticket.seatId(), ticket.holder()}).toList());
    }

    @EventHandler
    void on(LatePaymentReceived event) {
        jdbc.update("""
                        INSERT INTO refund_view%s (reservation_id, payment_id, amount, currency, status)
                        VALUES (?, ?, ?, ?, 'PENDING') ON CONFLICT (reservation_id, payment_id) DO NOTHING""".formatted(suffix),
                event.reservationId(), event.paymentId(), event.amount().amount(), event.amount().currency());
    }

    @EventHandler
    void on(PaymentRefunded event) {
        jdbc.update(("UPDATE refund_view%s SET status = 'REFUNDED' WHERE reservation_id = ? AND payment_id = ?")
                        .formatted(suffix),
                event.reservationId(), event.paymentId());
    }

    private void status(String reservationId, ReservationStatus status) {
        jdbc.update("UPDATE reservation_view%s SET status = ? WHERE reservation_id = ?".formatted(suffix),
                status.name(), reservationId);
    }
}
