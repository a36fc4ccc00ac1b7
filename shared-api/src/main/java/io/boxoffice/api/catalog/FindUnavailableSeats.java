package io.boxoffice.api.catalog;

/** The seats of an event that are held (with a live hold), sold or withheld, as browsing sees them (up to 2 s old). */
public record FindUnavailableSeats(String eventId) {
}
