package io.boxoffice.api.reservation;

import java.time.Instant;

/**
 * A reservation of {@code seats} seats counts toward its fan's limit in the event until {@code heldUntil}, or for
 * good once bought. Written with the reservation, in the same transaction.
 */
public record FanTicketsHeld(String eventId, String userId, String reservationId, int seats, Instant heldUntil) {
}
