package io.boxoffice.command.reservation;

import io.boxoffice.api.reservation.ReservationStatus;

public class ReservationNotCancellableException extends RuntimeException {

    public ReservationNotCancellableException(String reservationId, ReservationStatus status) {
        super("reservation " + reservationId + " is " + status + " and can no longer be cancelled");
    }
}
