package io.boxoffice.api.seat;

/** The organizer holds the seat back from sale (a house seat) until it is returned to sale. */
public record SeatWithheld(String eventId, String seatId) {
}
