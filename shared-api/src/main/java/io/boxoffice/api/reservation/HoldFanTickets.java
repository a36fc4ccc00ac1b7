package io.boxoffice.api.reservation;

import java.time.Instant;

/**
 * Counts a reservation's seats against its fan's allowance in the event, before the reservation is placed on a seat
 * shard other than the primary database, where the allowance lies: the two cannot change in one transaction, so the
 * allowance comes first. A crash before the reservation is placed leaves seats counted that nobody holds, until
 * {@code heldUntil}: a fan may briefly hold fewer than the limit, never more.
 */
public record HoldFanTickets(String eventId, String userId, String reservationId, int seats, Instant heldUntil,
                             int maxTicketsPerFan) {
}
