package io.boxoffice.api.catalog;

import java.util.List;

/** The whole seating layout travels in this one event: a venue is immutable once created. */
public record VenueCreated(String venueId, String name, String city, List<Section> sections) {
}
