package io.boxoffice.api.reservation;

import io.boxoffice.api.common.Money;

import java.time.Instant;
import java.util.List;

/**
 * A reservation as its owner sees it: tickets once confirmed (each with its signed code), and any refund of a
 * payment that came too late.
 */
public record ReservationView(String reservationId, String eventId, String userId, List<String> seatIds,
                              ReservationStatus status, Instant expiresAt, Money amount, List<TicketView> tickets,
                              List<RefundView> refunds) {

    public record TicketView(String ticketId, String seatId, String code) {
    }

    public record RefundView(String paymentId, Money amount, String status) {
    }
}
