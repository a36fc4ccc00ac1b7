package io.boxoffice.command.catalog;

import io.boxoffice.api.catalog.CreateEvent;
import io.boxoffice.api.catalog.EventCreated;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * An event (a show, a match) at a venue, with a price per seat category. Its seats are not created here:
 * each becomes a {@link io.boxoffice.command.seat.Seat} aggregate the first time someone reserves it.
 */
@Aggregate
public class TicketedEvent {

    @AggregateIdentifier
    private String eventId;

    protected TicketedEvent() {
        // for Axon
    }

    @CommandHandler
    public TicketedEvent(CreateEvent command) {
        apply(new EventCreated(command.eventId(), command.venueId(), command.name(), command.startsAt(),
                command.salesStartAt(), command.prices(), command.waitingRoom(), command.maxTicketsPerFan()));
    }

    @EventSourcingHandler
    void on(EventCreated event) {
        eventId = event.eventId();
    }
}
