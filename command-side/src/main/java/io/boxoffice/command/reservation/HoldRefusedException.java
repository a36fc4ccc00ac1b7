package io.boxoffice.command.reservation;

import io.boxoffice.command.seat.SeatTakenException;

import java.util.List;

/**
 * Inside the unit of work of a hold: some of its Seat aggregates refused (each a {@link SeatTakenException}), so none
 * of its seats was held. The reservation path answers the fan with a {@link ReservationRefusedException}.
 */
public class HoldRefusedException extends RuntimeException {

    private final List<SeatTakenException> refusals;

    public HoldRefusedException(List<SeatTakenException> refusals) {
        super(refusals.size() + " seat(s) unavailable");
        this.refusals = List.copyOf(refusals);
    }

    public List<SeatTakenException> refusals() {
        return refusals;
    }
}
