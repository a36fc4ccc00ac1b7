package io.boxoffice.api.reservation;

/** Answered with a {@link ReservationView}, or {@code null} when no such reservation exists. */
public record FindReservation(String reservationId) {
}
