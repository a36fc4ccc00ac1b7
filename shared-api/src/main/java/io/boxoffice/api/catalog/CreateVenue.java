package io.boxoffice.api.catalog;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/** {@code timeZone} is the venue's IANA zone, in which its events' times are shown; {@code stage} may be null. */
public record CreateVenue(@TargetAggregateIdentifier String venueId, String name, String city, List<Section> sections,
                          String timeZone, Stage stage) {
}
