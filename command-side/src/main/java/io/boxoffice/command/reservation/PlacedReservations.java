package io.boxoffice.command.reservation;

import io.boxoffice.api.common.Money;
import io.boxoffice.api.reservation.FindPlacedReservation;
import io.boxoffice.api.reservation.PlacedReservation;
import io.boxoffice.api.reservation.ReservationPlaced;
import io.boxoffice.command.shard.SeatShards;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;

/**
 * The command side's lookup of placed reservations ({@code placed_reservation}): which fan placed which reservation
 * for which seats, for answering a repeated request with the same Idempotency-Key and for the owner's checkout. Its
 * processor is subscribing (see application.properties), so the row is written in the transaction that places the
 * reservation, and a failure to write it fails the reservation rather than leave a fan's key unknown
 * ({@link io.boxoffice.command.config.CommandSideLookups}). It lies with its reservation, on its seat shard.
 */
@Component
@ProcessingGroup(PlacedReservations.PROCESSING_GROUP)
public class PlacedReservations {

    public static final String PROCESSING_GROUP = "placed-reservations";

    private final SeatShards shards;

    public PlacedReservations(SeatShards shards) {
        this.shards = shards;
    }

    @EventHandler
    void on(ReservationPlaced placed) {
        shards.forReservation(placed.reservationId()).jdbc().update("""
                        INSERT INTO placed_reservation (reservation_id, event_id, user_id, seat_ids, held_until, amount,
                                                        currency)
                        VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (reservation_id) DO NOTHING""",
                placed.reservationId(), placed.eventId(), placed.userId(), placed.seatIds().toArray(String[]::new),
                Timestamp.from(placed.heldUntil()), placed.amount().amount(), placed.amount().currency());
    }

    @QueryHandler
    public Optional<PlacedReservation> handle(FindPlacedReservation query) {
        return shards.forReservation(query.reservationId()).jdbc().query("""
                        SELECT reservation_id, event_id, user_id, seat_ids, held_until, amount, currency
                        FROM placed_reservation WHERE reservation_id = ?""",
                (row, n) -> new PlacedReservation(row.getString("reservation_id"), row.getString("event_id"),
                        row.getString("user_id"), List.of((String[]) row.getArray("seat_ids").getArray()),
                        row.getTimestamp("held_until").toInstant(),
                        new Money(row.getBigDecimal("amount"), row.getString("currency"))),
                query.reservationId()).stream().findFirst();
    }
}
