package io.boxoffice.api.reservation;

import java.util.List;

public record ReservationExpired(String reservationId, String eventId, List<String> seatIds) {
}
