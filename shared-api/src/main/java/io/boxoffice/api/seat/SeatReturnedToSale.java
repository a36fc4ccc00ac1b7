package io.boxoffice.api.seat;

/** A house seat is on sale again. */
public record SeatReturnedToSale(String eventId, String seatId) {
}
