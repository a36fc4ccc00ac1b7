package io.boxoffice.command.seat;

import java.time.Instant;

/**
 * The seat is held by another reservation or sold. {@code heldUntil} is the end of the other hold, or null when
 * the seat is sold: the gate remembers the seat for exactly that long.
 */
public class SeatUnavailableException extends RuntimeException {

    private final String seatId;
    private final Instant heldUntil;

    private SeatUnavailableException(String seatId, Instant heldUntil, String message) {
        super(message);
        this.seatId = seatId;
        this.heldUntil = heldUntil;
    }

    static SeatUnavailableException held(String seatId, Instant heldUntil) {
        return new SeatUnavailableException(seatId, heldUntil, "seat " + seatId + " is held until " + heldUntil);
    }

    static SeatUnavailableException sold(String seatId) {
        return new SeatUnavailableException(seatId, null, "seat " + seatId + " is sold");
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
