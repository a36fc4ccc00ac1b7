package io.boxoffice.command.seat;

/** A confirmation named a reservation that does not hold the seat. */
public class SeatNotHeldException extends RuntimeException {

    public SeatNotHeldException(String seatId, String reservationId) {
        super("seat " + seatId + " is not held by reservation " + reservationId);
    }
}
