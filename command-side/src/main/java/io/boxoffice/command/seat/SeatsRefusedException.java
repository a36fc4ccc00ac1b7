package io.boxoffice.command.seat;

import io.boxoffice.api.command.Refusal;
import io.boxoffice.command.refusal.CommandRefusedException;

import java.util.List;
import java.util.Map;

/**
 * Inside the unit of work of a command over several seats (a hold, a withholding): some of its Seat aggregates refused
 * (each a {@link SeatTakenException}), so none of its seats changed. The reservation path answers the fan with a
 * {@code ReservationRefusedException}.
 */
public class SeatsRefusedException extends CommandRefusedException {

    private final List<Refusal.TakenSeat> takenSeats;

    public SeatsRefusedException(List<SeatTakenException> refusals) {
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
