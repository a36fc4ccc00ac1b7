package io.boxoffice.api.reservation;

import io.boxoffice.api.common.Money;

import java.time.Instant;
import java.util.List;

public record ReservationPlaced(String reservationId, String eventId, String userId, List<String> seatIds,
                                Money amount, Instant heldUntil) {
}
