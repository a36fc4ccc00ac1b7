package io.boxoffice.query.reservation;

import io.boxoffice.api.common.Money;
import io.boxoffice.api.reservation.FindPlacedReservation;
import io.boxoffice.api.reservation.PlacedReservation;
import io.boxoffice.api.reservation.ReservationStatus;
import io.boxoffice.api.reservation.ReservationView;
import io.boxoffice.api.reservation.Ticket;
import io.boxoffice.api.ticket.IssueTicketCodes;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Reservations for their owners, with their tickets (each with its signed code) and refunds, read from the serving
 * generation of the reservation view (see {@link ReservationProjectionConfiguration}) on the primary database.
 */
@Component
public class ReservationViews {

    /** How far the view may be behind the commands, as browsing may (the spec's 2 s). */
    private static final Duration OUTCOME_SETTLING = Duration.ofSeconds(2);

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final QueryGateway queries;

    public ReservationViews(JdbcTemplate jdbc, Clock clock, QueryGateway queries) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.queries = queries;
    }

    /**
     * The reservation if {@code user} may read it: its owner, or staff (ADMIN, AUDITOR). To anyone else it does
     * not exist, so ids of others' reservations leak nothing.
     */
    public Optional<ReservationView> visibleTo(String reservationId, String user, boolean staff) {
        return find(reservationId).filter(view -> staff || (user != null && view.userId().equals(user)));
    }

    /**
     * The view, or, for a reservation placed a moment ago that the view has not caught up with, what its fan was
     * told: so that a fan reads back the reservation they were just given.
     */
    private Optional<ReservationView> find(String reservationId) {
        Optional<ReservationView> viewed = views("reservation_id = ?", reservationId).stream().findFirst();
        if (viewed.isPresent()) {
            return viewed;
        }
        return queries.query(new FindPlacedReservation(reservationId),
                        ResponseTypes.optionalInstanceOf(PlacedReservation.class)).join()
                .map(PlacedReservation::asHeld).map(this::asOfNow);
    }

    /** A fan's reservations, newest first. */
    public List<ReservationView> forUser(String userId) {
        return views("user_id = ?", userId);
    }

    /** Reservations with their tickets and refunds: three queries however many reservations match. */
    private List<ReservationView> views(String condition, String value) {
        List<ReservationView> views = jdbc.query("""
                        SELECT reservation_id, event_id, user_id, seat_ids, status, expires_at, amount, currency,
                               payment_declined_at
                        FROM reservation_view WHERE %s ORDER BY placed_at DESC""".formatted(condition),
                (row, n) -> view(row), value);
        if (views.isEmpty()) {
            return views;
        }
        String[] ids = views.stream().map(ReservationView::reservationId).toArray(String[]::new);
        Map<String, List<ReservationView.TicketView>> tickets = tickets(ids);
        Map<String, List<ReservationView.RefundView>> refunds = jdbc.query("""
                        SELECT reservation_id, payment_id, amount, currency, status FROM refund_view
                        WHERE reservation_id = ANY (?) ORDER BY payment_id""",
                (row, n) -> Map.entry(row.getString("reservation_id"), new ReservationView.RefundView(
                        row.getString("payment_id"), new Money(row.getBigDecimal("amount"), row.getString("currency")),
                        row.getString("status"))), (Object) ids)
                .stream().collect(Collectors.groupingBy(Map.Entry::getKey,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        return views.stream().map(view -> view.with(tickets.getOrDefault(view.reservationId(), List.of()),
                refunds.getOrDefault(view.reservationId(), List.of()))).toList();
    }

    private ReservationView view(ResultSet row) throws SQLException {
        Array seatIds = row.getArray("seat_ids");
        Timestamp declinedAt = row.getTimestamp("payment_declined_at");
        return asOfNow(new ReservationView(row.getString("reservation_id"), row.getString("event_id"),
                row.getString("user_id"), List.of((String[]) seatIds.getArray()),
                ReservationStatus.valueOf(row.getString("status")), row.getTimestamp("expires_at").toInstant(),
                new Money(row.getBigDecimal("amount"), row.getString("currency")), List.of(), List.of(),
                declinedAt == null ? null : declinedAt.toInstant()));
    }

    /**
     * A hold that has ended is expired, even if its deadline has not been processed yet; but only once the view had
     * the time to hear of a payment accepted in the hold's last moments, so that a fan who paid is never told the
     * seats are gone.
     */
    private ReservationView asOfNow(ReservationView view) {
        if (view.status() != ReservationStatus.HELD
                || clock.instant().isBefore(view.expiresAt().plus(OUTCOME_SETTLING))) {
            return view;
        }
        return view.withStatus(ReservationStatus.EXPIRED);
    }

    /** The reservations' tickets, with the codes the command side signs for them (one query for all). */
    private Map<String, List<ReservationView.TicketView>> tickets(String[] reservationIds) {
        record Issued(String reservationId, Ticket ticket) {
        }
        List<Issued> issued = jdbc.query("""
                        SELECT reservation_id, ticket_id, event_id, seat_id, holder FROM ticket_view
                        WHERE reservation_id = ANY (?) ORDER BY seat_id""",
                (row, n) -> new Issued(row.getString("reservation_id"), new Ticket(row.getString("ticket_id"),
                        row.getString("event_id"), row.getString("seat_id"), row.getString("holder"))),
                (Object) reservationIds);
        if (issued.isEmpty()) {
            return Map.of();
        }
        List<String> codes = queries.query(new IssueTicketCodes(issued.stream().map(Issued::ticket).toList()),
                ResponseTypes.multipleInstancesOf(String.class)).join();
        Map<String, List<ReservationView.TicketView>> byReservation = new HashMap<>();
        for (int i = 0; i < issued.size(); i++) {
            Ticket ticket = issued.get(i).ticket();
            byReservation.computeIfAbsent(issued.get(i).reservationId(), id -> new ArrayList<>())
                    .add(new ReservationView.TicketView(ticket.ticketId(), ticket.seatId(), codes.get(i)));
        }
        return byReservation;
    }
}
