package io.boxoffice.query.seatupdates;

/**
 * One seat's new status, as seen at {@code position} of the event store (its global index), which orders changes
 * and lets a reconnecting client say where it stopped.
 */
public record SeatChange(String eventId, long position, String seatId, String status, String heldUntil) {
}
