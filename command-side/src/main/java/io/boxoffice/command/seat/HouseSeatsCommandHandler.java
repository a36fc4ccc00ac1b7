package io.boxoffice.command.seat;

import io.boxoffice.api.seat.ReturnSeatsToSale;
import io.boxoffice.api.seat.SeatKey;
import io.boxoffice.api.seat.WithholdSeats;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The organizer's house seats: each Seat decides for itself, as it does for a fan's hold, and all seats of a command
 * change in one unit of work (one transaction), all or none. Seats are visited in sorted order, like a reservation's,
 * so a withholding and a fan's hold that overlap cannot deadlock.
 */
@Component
public class HouseSeatsCommandHandler {

    private final Repository<Seat> seats;

    public HouseSeatsCommandHandler(Repository<Seat> seatRepository) {
        this.seats = seatRepository;
    }

    @CommandHandler
    public void handle(WithholdSeats command, Clock clock) throws Exception {
        List<SeatTakenException> refusals = new ArrayList<>();
        for (String seatId : sorted(command.seatIds())) {
            try {
                seats.loadOrCreate(SeatKey.of(command.eventId(), seatId), Seat::new)
                        .execute(seat -> seat.withhold(command.eventId(), seatId, clock.instant()));
            } catch (SeatTakenException refused) {
                refusals.add(refused);
            }
        }
        if (!refusals.isEmpty()) {
            throw new SeatsRefusedException(refusals); // rolls back the seats withheld above
        }
    }

    @CommandHandler
    public void handle(ReturnSeatsToSale command) {
        for (String seatId : sorted(command.seatIds())) {
            try {
                seats.load(SeatKey.of(command.eventId(), seatId)).execute(Seat::returnToSale);
            } catch (AggregateNotFoundException neverReserved) {
                // a seat nobody ever held or withheld is on sale already
            }
        }
    }

    private static List<String> sorted(List<String> seatIds) {
        return seatIds.stream().sorted().toList();
    }
}
