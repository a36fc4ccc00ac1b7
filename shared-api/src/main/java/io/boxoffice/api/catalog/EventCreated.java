package io.boxoffice.api.catalog;

import io.boxoffice.api.common.Money;

import java.time.Instant;
import java.util.Map;

public record EventCreated(String eventId, String venueId, String name, Instant startsAt, Instant salesStartAt,
                           Map<String, Money> prices, WaitingRoomPolicy waitingRoom) {
}
