package io.boxoffice.command.reservation;

import io.boxoffice.api.command.Refusal;
import io.boxoffice.command.refusal.CommandRefusedException;
import io.boxoffice.command.seat.SeatTakenException;

import java.util.List;
import java.util.Map;

/**
 * Inside the unit of work of a hold: some of its Seat aggregates refused (each a {@link SeatTakenException}), so none
 * of its seats was held. The reservation path answers the fan with a {@link ReservationRefusedException}.
 */
public class HoldRefusedException extends CommandRefusedException {

    private final List<Refusal.TakenSeat> takenSeats;

    public HoldRefusedException(List<SeatTakenException> refusals) {
        super(Refusal.Reason.SEATS_TAKEN, refusals.size() + " seat(s) unavailable");
        this.takenSeats = refusals.stream()
                .map(refused -> new Refusal.TakenSeat(refused.seatId(), refused.heldUntil()))
                .toList();
    }

    @Override
    public Refusal refusal() {
        return new Refusal(Refusal.Reason.SEATS_TAKEN, getMessage(), takenSeats, Map.of());
    }
}
