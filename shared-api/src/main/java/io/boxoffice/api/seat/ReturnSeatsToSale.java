package io.boxoffice.api.seat;

import io.boxoffice.api.shard.RoutedBySeats;

import java.util.List;

/** House seats go back on sale; seats among them that were not withheld stay as they are. */
public record ReturnSeatsToSale(String eventId, List<String> seatIds) implements RoutedBySeats {
}
