package io.boxoffice.api.catalog;

import java.util.List;

/** The whole seating layout travels in this one event: a venue is immutable once created. */
public record VenueCreated(String venueId, String name, String city, List<Section> sections) {

    public int seatCount() {
        return sections.stream().mapToInt(Section::seatCount).sum();
    }

    public boolean hasSeat(String seatId) {
        return sections.stream().anyMatch(section -> section.rows().stream().anyMatch(row -> row.seats().stream()
                .anyMatch(seat -> Section.seatId(section.id(), row.label(), seat.number()).equals(seatId))));
    }
}
