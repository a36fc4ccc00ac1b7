package io.boxoffice.api.reservation;

import java.util.List;

public record ReservationCancelled(String reservationId, String eventId, List<String> seatIds) {
}
