package io.boxoffice.api.reservation;

import io.boxoffice.api.common.Money;

import java.time.Instant;
import java.util.List;

/**
 * A reservation as its owner sees it: tickets once confirmed (each with its signed code), any refund of a payment
 * that came too late, and when the gateway last declined a payment for it (null if never: a declined fan may pay
 * again while the hold lasts).
 */
public record ReservationView(String reservationId, String eventId, String userId, List<String> seatIds,
                              ReservationStatus status, Instant expiresAt, Money amount, List<TicketView> tickets,
                              List<RefundView> refunds, Instant paymentDeclinedAt) {

    public ReservationView withStatus(ReservationStatus newStatus) {
        return new ReservationView(reservationId, eventId, userId, seatIds, newStatus, expiresAt, amount, tickets,
                refunds, paymentDeclinedAt);
    }

    public ReservationView with(List<TicketView> newTickets, List<RefundView> newRefunds) {
        return new ReservationView(reservationId, eventId, userId, seatIds, status, expiresAt, amount, newTickets,
                newRefunds, paymentDeclinedAt);
    }

    public record TicketView(String ticketId, String seatId, String code) {
    }

    public record RefundView(String paymentId, Money amount, String status) {
    }
}
