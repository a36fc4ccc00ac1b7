package io.boxoffice.command.reservation;

import io.boxoffice.api.command.Refusal;
import io.boxoffice.api.reservation.ReservationStatus;
import io.boxoffice.command.refusal.CommandRefusedException;

public class ReservationNotCancellableException extends CommandRefusedException {

    public ReservationNotCancellableException(String reservationId, ReservationStatus status) {
        super(Refusal.Reason.RESERVATION_NOT_CANCELLABLE,
                "reservation " + reservationId + " is " + status + " and can no longer be cancelled");
    }
}
