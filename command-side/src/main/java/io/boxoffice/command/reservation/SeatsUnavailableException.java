package io.boxoffice.command.reservation;

import io.boxoffice.command.seat.SeatUnavailableException;

import java.util.List;

/** The Seat aggregates refused some seats of a request, so none of them was held. */
public class SeatsUnavailableException extends RuntimeException {

    private final List<SeatUnavailableException> refusals;

    public SeatsUnavailableException(List<SeatUnavailableException> refusals) {
        super(refusals.size() + " seat(s) unavailable");
        this.refusals = List.copyOf(refusals);
    }

    public List<SeatUnavailableException> refusals() {
        return refusals;
    }
}
