package io.boxoffice.api.reservation;

import io.boxoffice.api.common.Money;

import java.time.Instant;
import java.util.List;

public record ReservationView(String reservationId, String eventId, String userId, List<String> seatIds,
                              ReservationStatus status, Instant expiresAt, Money amount) {
}
