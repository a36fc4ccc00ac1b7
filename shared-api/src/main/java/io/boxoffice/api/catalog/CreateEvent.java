package io.boxoffice.api.catalog;

import io.boxoffice.api.common.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.Map;

/**
 * Creates an event at a venue; {@code prices} maps each seat category of the venue to its price,
 * {@code maxTicketsPerFan} bounds the seats one fan may hold or own in it over all their reservations, and
 * {@code organizer} is the user who creates it (null for events the application makes itself, such as demo data);
 * {@code seatLayout} spreads its seats over the seat shards.
 */
public record CreateEvent(@TargetAggregateIdentifier String eventId, String venueId, String name, Instant startsAt,
                          Instant salesStartAt, Map<String, Money> prices, WaitingRoomPolicy waitingRoom,
                          int maxTicketsPerFan, String organizer, SeatLayout seatLayout) {
}
