package io.boxoffice.api.catalog;

import io.boxoffice.api.common.Money;

import java.time.Instant;
import java.util.Map;

/**
 * An event was created. {@code maxTicketsPerFan} is null in events stored before fans had a limit: they get
 * {@link #DEFAULT_MAX_TICKETS_PER_FAN}. {@code organizer} is the user id of who created it; null in events stored
 * before it was recorded (every organizer sees those) and in those the application made itself. {@code seatLayout} is
 * null in events stored before seats had shards: all their seats lie on the first (primary) shard.
 */
public record EventCreated(String eventId, String venueId, String name, Instant startsAt, Instant salesStartAt,
                           Map<String, Money> prices, WaitingRoomPolicy waitingRoom, Integer maxTicketsPerFan,
                           String organizer, SeatLayout seatLayout) {

    public static final int DEFAULT_MAX_TICKETS_PER_FAN = 8;

    public EventCreated(String eventId, String venueId, String name, Instant startsAt, Instant salesStartAt,
                        Map<String, Money> prices, WaitingRoomPolicy waitingRoom, Integer maxTicketsPerFan,
                        String organizer) {
        this(eventId, venueId, name, startsAt, salesStartAt, prices, waitingRoom, maxTicketsPerFan, organizer, null);
    }

    public int ticketsPerFan() {
        return maxTicketsPerFan == null ? DEFAULT_MAX_TICKETS_PER_FAN : maxTicketsPerFan;
    }

    /** How its sales stand when it is created: on sale at once, unless they open later. */
    public SalesState salesState() {
        return salesStartAt == null ? SalesState.OPEN : SalesState.SCHEDULED;
    }
}
