package io.boxoffice.command.reservation;

/** No such reservation, or not the caller's: both answer 404, so ids of others' reservations leak nothing. */
public class ReservationNotFoundException extends RuntimeException {

    public ReservationNotFoundException(String reservationId) {
        super("no reservation " + reservationId);
    }
}
