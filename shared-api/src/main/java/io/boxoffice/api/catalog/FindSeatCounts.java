package io.boxoffice.api.catalog;

/**
 * How many seats of an event are available, held, sold and withheld by the organizer (house seats), from browsing's
 * read model, seconds behind at most.
 */
public record FindSeatCounts(String eventId) {

    public record SeatCounts(int available, int held, int sold, int house) {
    }
}
