package io.boxoffice.api.reservation;

import io.boxoffice.api.common.Money;
import io.boxoffice.api.shard.RoutedByReservation;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.List;

/**
 * Holds every seat in {@code seatIds} for one reservation, or none of them, as long as the fan then holds or owns at
 * most {@code maxTicketsPerFan} seats of the event.
 *
 * @param repeatable the reservation id comes from the fan's Idempotency-Key, so the same request may come again and
 *                   is answered as the first was; without a key the id is new and nothing earlier is looked up
 */
public record PlaceReservation(@TargetAggregateIdentifier String reservationId, String eventId, String userId,
                               List<String> seatIds, Money amount, Instant heldUntil, int maxTicketsPerFan,
                               boolean repeatable) implements RoutedByReservation {
}
