package io.boxoffice.api.catalog;

import io.boxoffice.api.common.Money;

import java.time.Instant;
import java.util.Map;

/**
 * An event was created. {@code maxTicketsPerFan} is null in events stored before fans had a limit: they get
 * {@link #DEFAULT_MAX_TICKETS_PER_FAN}.
 */
public record EventCreated(String eventId, String venueId, String name, Instant startsAt, Instant salesStartAt,
                           Map<String, Money> prices, WaitingRoomPolicy waitingRoom, Integer maxTicketsPerFan) {

    public static final int DEFAULT_MAX_TICKETS_PER_FAN = 8;

    public int ticketsPerFan() {
        return maxTicketsPerFan == null ? DEFAULT_MAX_TICKETS_PER_FAN : maxTicketsPerFan;
    }
}
