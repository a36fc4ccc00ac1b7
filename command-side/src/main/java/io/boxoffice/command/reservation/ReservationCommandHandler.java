package io.boxoffice.command.reservation;

import io.boxoffice.api.reservation.CancelReservation;
import io.boxoffice.api.reservation.PlaceReservation;
import io.boxoffice.api.seat.ReleaseReason;
import io.boxoffice.api.seat.ReleaseSeat;
import io.boxoffice.api.seat.ReserveSeat;
import io.boxoffice.command.seat.Seat;
import io.boxoffice.command.seat.SeatUnavailableException;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * Multi-seat commands. Each seat still decides for itself through its own command handler, but all seats and
 * the reservation change in one unit of work, i.e. one PostgreSQL transaction: a request is held whole or not
 * at all, and a concurrent append on any of its seats fails the whole transaction.
 * <p>
 * Seats are always visited in sorted order, so two requests that overlap lock (in this JVM) and insert (in
 * PostgreSQL) in the same order and cannot deadlock.
 */
@Component
public class ReservationCommandHandler {

    private final Repository<Seat> seats;
    private final Repository<Reservation> reservations;

    public ReservationCommandHandler(Repository<Seat> seatRepository,
                                     Repository<Reservation> reservationRepository) {
        this.seats = seatRepository;
        this.reservations = reservationRepository;
    }

    @CommandHandler
    public void handle(PlaceReservation command) throws Exception {
        List<SeatUnavailableException> refusals = new ArrayList<>();
        for (String seatId : command.seatIds().stream().sorted().toList()) {
            ReserveSeat reserve = new ReserveSeat(command.eventId(), seatId, command.reservationId(),
                    command.userId(), command.heldUntil());
            try {
                seats.loadOrCreate(reserve.seatKey(), Seat::new)
                        .handle(GenericCommandMessage.asCommandMessage(reserve));
            } catch (SeatUnavailableException refused) {
                refusals.add(refused);
            }
        }
        if (!refusals.isEmpty()) {
            throw new SeatsUnavailableException(refusals); // rolls back the holds taken above
        }
        reservations.newInstance(() -> new Reservation(command));
    }

    @CommandHandler
    public Reservation.Cancellation handle(CancelReservation command) throws Exception {
        Reservation.Cancellation cancellation = reservations.load(command.reservationId())
                .invoke(reservation -> reservation.cancel(command.userId()));
        for (String seatId : cancellation.seatIds().stream().sorted().toList()) {
            ReleaseSeat release = new ReleaseSeat(cancellation.eventId(), seatId, command.reservationId(),
                    ReleaseReason.CANCELLED);
            seats.load(release.seatKey()).handle(GenericCommandMessage.asCommandMessage(release));
        }
        return cancellation;
    }
}
