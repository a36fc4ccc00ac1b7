package io.boxoffice.command.seat;

import io.boxoffice.api.command.Refusal;
import io.boxoffice.command.refusal.CommandRefusedException;

import java.time.Instant;

/** A confirmation arrived after the hold ended: the seat may be someone else's by now, so it is not sold (I4). */
public class HoldEndedException extends CommandRefusedException {

    public HoldEndedException(String seatId, String reservationId, Instant heldUntil) {
        super(Refusal.Reason.HOLD_ENDED, "the hold of reservation " + reservationId + " on seat " + seatId
                + " ended at " + heldUntil);
    }
}
