package io.boxoffice.api.seat;

public record SeatSold(String eventId, String seatId, String reservationId, String userId) {
}
