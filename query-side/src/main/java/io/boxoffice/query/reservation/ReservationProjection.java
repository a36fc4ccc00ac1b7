package io.boxoffice.query.reservation;

import io.boxoffice.api.common.Money;
import io.boxoffice.api.payment.LatePaymentReceived;
import io.boxoffice.api.payment.PaymentRefunded;
import io.boxoffice.api.reservation.FindReservation;
import io.boxoffice.api.reservation.ReservationCancelled;
import io.boxoffice.api.reservation.ReservationConfirmed;
import io.boxoffice.api.reservation.ReservationExpired;
import io.boxoffice.api.reservation.ReservationPaymentFailed;
import io.boxoffice.api.reservation.ReservationPlaced;
import io.boxoffice.api.reservation.ReservationStatus;
import io.boxoffice.api.reservation.ReservationView;
import io.boxoffice.api.reservation.Ticket;
import io.boxoffice.api.ticket.TicketCodes;
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
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Reservations for their owners, with their tickets and refunds. The processing group is subscribing (see
 * {@link ReservationProjectionConfiguration}): it runs in the command's transaction, so what a fan was just told
 * is what they read back.
 */
@Component
@ProcessingGroup(ReservationProjection.PROCESSING_GROUP)
public class ReservationProjection {

    public static final String PROCESSING_GROUP = "reservations";

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final TicketCodes ticketCodes;

    public ReservationProjection(JdbcTemplate jdbc, Clock clock, TicketCodes ticketCodes) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.ticketCodes = ticketCodes;
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
    void on(ReservationConfirmed event) {
        status(event.reservationId(), ReservationStatus.CONFIRMED);
        jdbc.batchUpdate("""
                        INSERT INTO ticket_view (ticket_id, reservation_id, event_id, seat_id, holder)
                        VALUES (?, ?, ?, ?, ?) ON CONFLICT (ticket_id) DO NOTHING""",
                event.tickets().stream().map(ticket -> new Object[]{ticket.ticketId(), event.reservationId(),
                        ticket.eventId(), ticket.seatId(), ticket.holder()}).toList());
    }

    @EventHandler
    void on(LatePaymentReceived event) {
        jdbc.update("""
                        INSERT INTO refund_view (reservation_id, payment_id, amount, currency, status)
                        VALUES (?, ?, ?, ?, 'PENDING') ON CONFLICT (reservation_id, payment_id) DO NOTHING""",
                event.reservationId(), event.paymentId(), event.amount().amount(), event.amount().currency());
    }

    @EventHandler
    void on(PaymentRefunded event) {
        jdbc.update("UPDATE refund_view SET status = 'REFUNDED' WHERE reservation_id = ? AND payment_id = ?",
                event.reservationId(), event.paymentId());
    }

    private void status(String reservationId, ReservationStatus status) {
        jdbc.update("UPDATE reservation_view SET status = ? WHERE reservation_id = ?", status.name(), reservationId);
    }

    @QueryHandler
    public Optional<ReservationView> handle(FindReservation query) {
        return views("reservation_id = ?", query.reservationId()).stream().findFirst();
    }

    /**
     * The reservation if {@code user} may read it: its owner, or staff (ADMIN, AUDITOR). To anyone else it does
     * not exist, so ids of others' reservations leak nothing.
     */
    public Optional<ReservationView> visibleTo(String reservationId, String user, boolean staff) {
        return handle(new FindReservation(reservationId))
                .filter(view -> staff || (user != null && view.userId().equals(user)));
    }

    /** A fan's reservations, newest first. */
    public List<ReservationView> forUser(String userId) {
        return views("user_id = ?", userId);
    }

    /** Reservations with their tickets and refunds: three queries however many reservations match. */
    private List<ReservationView> views(String condition, String value) {
        List<ReservationView> views = jdbc.query("""
                        SELECT reservation_id, event_id, user_id, seat_ids, status, expires_at, amount, currency
                        FROM reservation_view WHERE %s ORDER BY placed_at DESC""".formatted(condition),
                (row, n) -> view(row), value);
        if (views.isEmpty()) {
            return views;
        }
        String[] ids = views.stream().map(ReservationView::reservationId).toArray(String[]::new);
        Map<String, List<ReservationView.TicketView>> tickets = jdbc.query("""
                        SELECT reservation_id, ticket_id, event_id, seat_id, holder FROM ticket_view
                        WHERE reservation_id = ANY (?) ORDER BY seat_id""",
                (row, n) -> Map.entry(row.getString("reservation_id"), ticket(row)), (Object) ids)
                .stream().collect(Collectors.groupingBy(Map.Entry::getKey,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        Map<String, List<ReservationView.RefundView>> refunds = jdbc.query("""
                        SELECT reservation_id, payment_id, amount, currency, status FROM refund_view
                        WHERE reservation_id = ANY (?) ORDER BY payment_id""",
                (row, n) -> Map.entry(row.getString("reservation_id"), new ReservationView.RefundView(
                        row.getString("payment_id"), new Money(row.getBigDecimal("amount"), row.getString("currency")),
                        row.getString("status"))), (Object) ids)
                .stream().collect(Collectors.groupingBy(Map.Entry::getKey,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        return views.stream().map(view -> new ReservationView(view.reservationId(), view.eventId(), view.userId(),
                view.seatIds(), view.status(), view.expiresAt(), view.amount(),
                tickets.getOrDefault(view.reservationId(), List.of()),
                refunds.getOrDefault(view.reservationId(), List.of()))).toList();
    }

    private ReservationView view(ResultSet row) throws SQLException {
        ReservationStatus status = ReservationStatus.valueOf(row.getString("status"));
        Instant expiresAt = row.getTimestamp("expires_at").toInstant();
        if (status == ReservationStatus.HELD && !clock.instant().isBefore(expiresAt)) {
            // the hold has ended even if its deadline has not been processed yet
            status = ReservationStatus.EXPIRED;
        }
        Array seatIds = row.getArray("seat_ids");
        return new ReservationView(row.getString("reservation_id"), row.getString("event_id"), row.getString("user_id"),
                List.of((String[]) seatIds.getArray()), status, expiresAt,
                new Money(row.getBigDecimal("amount"), row.getString("currency")), List.of(), List.of());
    }

    private ReservationView.TicketView ticket(ResultSet row) throws SQLException {
        Ticket ticket = new Ticket(row.getString("ticket_id"), row.getString("event_id"), row.getString("seat_id"),
                row.getString("holder"));
        return new ReservationView.TicketView(ticket.ticketId(), ticket.seatId(), ticketCodes.sign(ticket));
    }
}
