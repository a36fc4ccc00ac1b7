package io.boxoffice.api.catalog;

/** The event's wheelchair spaces and companion seats are on general sale from now on. */
public record AccessibleSeatsReleased(String eventId) {
}
