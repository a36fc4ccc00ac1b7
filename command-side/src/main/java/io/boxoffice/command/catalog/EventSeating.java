package io.boxoffice.command.catalog;

import io.boxoffice.api.catalog.SalesState;
import io.boxoffice.api.catalog.WaitingRoomPolicy;
import io.boxoffice.api.common.Money;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * What a reservation needs to know about an event: which seats exist, what they cost, where its sales stand (as
 * recorded: {@link #salesStateAt} says where they stand at an instant), whether fans come through a waiting room
 * ({@code waitingRoom} null: they do not), how many seats one fan may have, and whether its wheelchair spaces and
 * companion seats are on general sale.
 */
public record EventSeating(String eventId, String venueId, Instant salesStartAt, Map<String, String> categoryBySeat,
                           Map<String, Money> prices, WaitingRoomPolicy waitingRoom, int maxTicketsPerFan,
                           SalesState salesState, boolean accessibleSeatsReleased) {

    public SalesState salesStateAt(Instant instant) {
        return salesState.at(salesStartAt, instant);
    }

    public boolean isOnSaleAt(Instant instant) {
        return salesStateAt(instant) == SalesState.OPEN;
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
