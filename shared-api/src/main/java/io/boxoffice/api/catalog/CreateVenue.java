package io.boxoffice.api.catalog;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

public record CreateVenue(@TargetAggregateIdentifier String venueId, String name, String city, List<Section> sections) {
}
