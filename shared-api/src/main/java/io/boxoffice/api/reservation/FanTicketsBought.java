package io.boxoffice.api.reservation;

/** The reservation was paid: its seats count toward the fan's limit for good. */
public record FanTicketsBought(String eventId, String userId, String reservationId) {
}
