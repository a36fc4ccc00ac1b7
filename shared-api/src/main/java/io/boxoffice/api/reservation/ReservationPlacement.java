package io.boxoffice.api.reservation;

/**
 * What placing a reservation did: held its seats, or ({@code repeated}) found it placed already by an earlier
 * request with the same Idempotency-Key, which is answered as it was then, with nothing appended.
 */
public record ReservationPlacement(PlacedReservation reservation, boolean repeated) {
}
