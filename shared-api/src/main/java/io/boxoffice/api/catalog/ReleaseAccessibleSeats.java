package io.boxoffice.api.catalog;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Wheelchair spaces and companion seats go on general sale: any fan may have them from now on. */
public record ReleaseAccessibleSeats(@TargetAggregateIdentifier String eventId) {
}
