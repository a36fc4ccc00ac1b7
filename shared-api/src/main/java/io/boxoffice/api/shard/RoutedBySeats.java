package io.boxoffice.api.shard;

import java.util.List;

/** A command decided on the seat shard of its seats, which all lie on one. */
public interface RoutedBySeats {

    String eventId();

    List<String> seatIds();
}
