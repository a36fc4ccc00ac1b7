package io.boxoffice.command.reservation;

import io.boxoffice.api.command.Refusal;
import io.boxoffice.command.refusal.CommandRefusedException;

/** Only a reservation whose hold is live can be paid. */
public class ReservationNotPayableException extends CommandRefusedException {

    public ReservationNotPayableException(String reservationId) {
        super(Refusal.Reason.RESERVATION_NOT_PAYABLE,
                "reservation " + reservationId + " is no longer held and cannot be paid");
    }
}
