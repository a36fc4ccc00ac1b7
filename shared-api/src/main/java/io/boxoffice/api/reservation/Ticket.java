package io.boxoffice.api.reservation;

/** One seat, sold: what the ticket's signed code (and QR code) carries. */
public record Ticket(String ticketId, String eventId, String seatId, String holder) {
}
