package io.boxoffice.api.shard;

/** A command decided on the seat shard of its reservation (where the reservation and its seats lie). */
public interface RoutedByReservation {

    String reservationId();
}
