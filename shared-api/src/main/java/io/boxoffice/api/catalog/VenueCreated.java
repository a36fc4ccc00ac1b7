package io.boxoffice.api.catalog;

import java.time.ZoneId;
import java.util.List;

/**
 * The whole seating layout travels in this one event: a venue is immutable once created. Venues created before they
 * had a time zone are in UTC; {@code stage} is null where none was drawn.
 */
public record VenueCreated(String venueId, String name, String city, List<Section> sections, String timeZone,
                           Stage stage) {

    public static final String DEFAULT_TIME_ZONE = "UTC";

    public VenueCreated {
        timeZone = timeZone == null ? DEFAULT_TIME_ZONE : timeZone;
    }

    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }

    public int seatCount() {
        return sections.stream().mapToInt(Section::seatCount).sum();
    }

    public boolean hasSeat(String seatId) {
        return sections.stream().anyMatch(section -> section.rows().stream().anyMatch(row -> row.seats().stream()
                .anyMatch(seat -> Section.seatId(section.id(), row.label(), seat.number()).equals(seatId))));
    }
}
