package io.boxoffice.api.seat;

import java.time.Instant;

public record SeatHeld(String eventId, String seatId, String reservationId, String userId, Instant heldUntil) {
}
