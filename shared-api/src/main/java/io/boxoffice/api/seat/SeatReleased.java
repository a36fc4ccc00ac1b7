package io.boxoffice.api.seat;

public record SeatReleased(String eventId, String seatId, String reservationId, ReleaseReason reason) {
}
