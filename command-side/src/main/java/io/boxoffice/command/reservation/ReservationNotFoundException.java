package io.boxoffice.command.reservation;

import io.boxoffice.api.command.Refusal;
import io.boxoffice.command.refusal.CommandRefusedException;

/** No such reservation, or not the caller's: both answer 404, so ids of others' reservations leak nothing. */
public class ReservationNotFoundException extends CommandRefusedException {

    public ReservationNotFoundException(String reservationId) {
        super(Refusal.Reason.NOT_FOUND, "no reservation " + reservationId);
    }
}
