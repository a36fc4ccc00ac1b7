package io.boxoffice.command.catalog;

import io.boxoffice.api.catalog.CreateVenue;
import io.boxoffice.api.catalog.VenueCreated;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A venue and its seating layout. The layout was validated by {@link VenueController} before it got here. */
@Aggregate
public class Venue {

    @AggregateIdentifier
    private String venueId;

    protected Venue() {
        // for Axon
    }

    @CommandHandler
    public Venue(CreateVenue command) {
        apply(new VenueCreated(command.venueId(), command.name(), command.city(), command.sections(),
                command.timeZone(), command.stage()));
    }

    @EventSourcingHandler
    void on(VenueCreated event) {
        venueId = event.venueId();
    }
}
