package io.boxoffice.command.seat;

import java.time.Instant;

/**
 * The seat is held by another reservation, sold, or withheld by the organizer. {@code heldUntil} is the end of the
 * other hold, or null when the seat is sold or withheld: the gate remembers the seat for exactly that long (a withheld
 * seat until it is returned to sale).
 */
public class SeatTakenException extends RuntimeException {

    private final String seatId;
    private final Instant heldUntil;

    private SeatTakenException(String seatId, Instant heldUntil, String message) {
        super(message);
        this.seatId = seatId;
        this.heldUntil = heldUntil;
    }

    static SeatTakenException held(String seatId, Instant heldUntil) {
        return new SeatTakenException(seatId, heldUntil, "seat " + seatId + " is held until " + heldUntil);
    }

    static SeatTakenException sold(String seatId) {
        return new SeatTakenException(seatId, null, "seat " + seatId + " is sold");
    }

    static SeatTakenException withheld(String seatId) {
        return new SeatTakenException(seatId, null, "seat " + seatId + " is withheld by the organizer");
    }

    public String seatId() {
        return seatId;
    }

    public Instant heldUntil() {
        return heldUntil;
    }

    public boolean isSold() {
        return heldUntil == null;
    }
}
