package io.boxoffice.api.reservation;

/**
 * What became of a reservation placed on a seat shard other than the primary database, told to its fan's allowance
 * on the primary database after the reservation's own transaction: its seats were bought, or no longer count.
 */
public record ChangeFanTickets(String eventId, String userId, String reservationId, Change change) {

    public enum Change {
        /** The reservation was paid: its seats count for good. */
        BOUGHT,
        /** The reservation was placed or ended without being paid: its seats no longer count. */
        RELEASED
    }
}
