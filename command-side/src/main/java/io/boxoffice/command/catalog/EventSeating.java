package io.boxoffice.command.catalog;

import io.boxoffice.api.catalog.WaitingRoomPolicy;
import io.boxoffice.api.common.Money;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * What a reservation needs to know about an event: which seats exist, what they cost, when sales open, whether
 * fans come through a waiting room ({@code waitingRoom} null: they do not) and how many seats one fan may have.
 */
public record EventSeating(String eventId, String venueId, Instant salesStartAt, Map<String, String> categoryBySeat,
                           Map<String, Money> prices, WaitingRoomPolicy waitingRoom, int maxTicketsPerFan) {

    public boolean isOnSaleAt(Instant instant) {
        return salesStartAt == null || !instant.isBefore(salesStartAt);
    }

    public List<String> unknownSeats(Collection<String> seatIds) {
        return seatIds.stream().filter(seatId -> !categoryBySeat.containsKey(seatId)).toList();
    }

    /** The price of the given seats, all of which must exist. */
    public Money priceOf(Collection<String> seatIds) {
        return seatIds.stream()
                .map(seatId -> prices.get(categoryBySeat.get(seatId)))
                .reduce(Money::plus)
                .orElseThrow(() -> new IllegalArgumentException("no seats"));
    }
}
