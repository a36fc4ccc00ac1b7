package io.boxoffice.command.seat;

import java.time.Instant;

/** A confirmation arrived after the hold ended: the seat may be someone else's by now, so it is not sold (I4). */
public class HoldEndedException extends RuntimeException {

    public HoldEndedException(String seatId, String reservationId, Instant heldUntil) {
        super("the hold of reservation " + reservationId + " on seat " + seatId + " ended at " + heldUntil);
    }
}
