package io.boxoffice.api.seat;

import io.boxoffice.api.shard.RoutedBySeats;

import java.util.List;

/**
 * The organizer keeps these seats of the event back from sale (house seats), all or none: a seat that is held or sold
 * refuses, and then nothing is withheld.
 */
public record WithholdSeats(String eventId, List<String> seatIds) implements RoutedBySeats {
}
