package io.boxoffice.command.reservation;

/** Only a reservation whose hold is live can be paid. */
public class ReservationNotPayableException extends RuntimeException {

    public ReservationNotPayableException(String reservationId) {
        super("reservation " + reservationId + " is no longer held and cannot be paid");
    }
}
