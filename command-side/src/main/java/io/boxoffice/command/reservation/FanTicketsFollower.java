package io.boxoffice.command.reservation;

import io.boxoffice.api.reservation.ChangeFanTickets;
import io.boxoffice.api.reservation.FindPlacedReservation;
import io.boxoffice.api.reservation.ReservationCancelled;
import io.boxoffice.api.reservation.ReservationConfirmed;
import io.boxoffice.command.shard.SeatShards;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * Tells a fan's allowance (on the primary database) what became of their reservations on other seat shards: bought
 * seats count for good, a cancelled reservation's no longer count. A streaming processor over every shard
 * ({@code fan-tickets} in application.properties), so a crash after the reservation's transaction delays the change
 * but never loses it. A reservation that simply expires needs nothing: its seats stop counting when its hold ends.
 */
@Component
@ProcessingGroup(FanTicketsFollower.PROCESSING_GROUP)
public class FanTicketsFollower {

    public static final String PROCESSING_GROUP = "fan-tickets";

    private final SeatShards shards;
    private final PlacedReservations placed;
    private final CommandGateway commands;

    public FanTicketsFollower(SeatShards shards, PlacedReservations placed, CommandGateway commands) {
        this.shards = shards;
        this.placed = placed;
        this.commands = commands;
    }

    @EventHandler
    void on(ReservationConfirmed confirmed) {
        if (apart(confirmed.reservationId())) {
            commands.sendAndWait(new ChangeFanTickets(confirmed.eventId(), confirmed.userId(),
                    confirmed.reservationId(), ChangeFanTickets.Change.BOUGHT));
        }
    }

    @EventHandler
    void on(ReservationCancelled cancelled) {
        if (apart(cancelled.reservationId())) {
            placed.handle(new FindPlacedReservation(cancelled.reservationId())).ifPresent(reservation ->
                    commands.sendAndWait(new ChangeFanTickets(reservation.eventId(), reservation.userId(),
                            reservation.reservationId(), ChangeFanTickets.Change.RELEASED)));
        }
    }

    /** A reservation whose allowance did not change in its own transactions. */
    private boolean apart(String reservationId) {
        return !shards.forReservation(reservationId).isPrimary();
    }
}
