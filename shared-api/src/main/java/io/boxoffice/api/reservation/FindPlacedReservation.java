package io.boxoffice.api.reservation;

/** Answered with an {@code Optional<PlacedReservation>}, empty when no such reservation was placed. */
public record FindPlacedReservation(String reservationId) {
}
