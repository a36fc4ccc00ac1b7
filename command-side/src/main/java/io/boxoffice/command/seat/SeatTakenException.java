package io.boxoffice.command.seat;

import java.time.Instant;

/**
 * The seat is held by another reservation or sold. {@code heldUntil} is the end of the other hold, or null when
 * the seat is sold: the gate remembers the seat for exactly that long.
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
