package io.boxoffice.api.catalog;

/** The event's sales are now in {@code salesState}, by the organizer's decision. */
public record SalesStateChanged(String eventId, SalesState salesState) {
}
