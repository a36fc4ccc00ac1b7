package io.boxoffice.command.catalog;

import io.boxoffice.api.catalog.AccessibleSeatsReleased;
import io.boxoffice.api.catalog.ChangeEvent;
import io.boxoffice.api.catalog.ChangeSalesState;
import io.boxoffice.api.catalog.CreateEvent;
import io.boxoffice.api.catalog.EventChanged;
import io.boxoffice.api.catalog.EventCreated;
import io.boxoffice.api.catalog.ReleaseAccessibleSeats;
import io.boxoffice.api.catalog.SalesState;
import io.boxoffice.api.catalog.SalesStateChanged;
import io.boxoffice.api.common.Money;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * An event (a show, a match) at a venue, with a price per seat category, and its sales: the organizer may rename it
 * and change its prices until sales open, open them early, pause and resume them, and close them for good. Its seats
 * are not created here: each becomes a {@link io.boxoffice.command.seat.Seat} aggregate the first time someone
 * reserves or withholds it.
 */
@Aggregate
public class TicketedEvent {

    @AggregateIdentifier
    private String eventId;
    private String name;
    private Map<String, Money> prices;
    private Instant salesStartAt;
    /** As last recorded: scheduled sales open by themselves at {@code salesStartAt} (see {@link SalesState#at}). */
    private SalesState salesState;
    private boolean accessibleSeatsReleased;

    protected TicketedEvent() {
        // for Axon
    }

    @CommandHandler
    public TicketedEvent(CreateEvent command) {
        apply(new EventCreated(command.eventId(), command.venueId(), command.name(), command.startsAt(),
                command.salesStartAt(), command.prices(), command.waitingRoom(), command.maxTicketsPerFan(),
                command.organizer(), command.seatLayout()));
    }

    /** What fans were offered must not change under them: once sales have opened, the event is what it is. */
    @CommandHandler
    void handle(ChangeEvent command, Clock clock) {
        SalesState now = salesStateAt(clock.instant());
        if (now != SalesState.SCHEDULED) {
            throw new SalesStateRefusedException(eventId, now, "it can be changed only before its sales open");
        }
        String newName = command.name() == null ? name : command.name();
        Map<String, Money> newPrices = command.prices() == null ? prices : command.prices();
        if (!newName.equals(name) || !newPrices.equals(prices)) {
            apply(new EventChanged(eventId, newName, newPrices));
        }
    }

    /** Asking for the state the sales are in already changes nothing, so that a repeated click is harmless. */
    @CommandHandler
    void handle(ChangeSalesState command, Clock clock) {
        SalesState now = salesStateAt(clock.instant());
        SalesState wanted = command.salesState();
        if (wanted == now) {
            return;
        }
        boolean allowed = switch (wanted) {
            case OPEN -> now == SalesState.SCHEDULED || now == SalesState.PAUSED;
            case PAUSED -> now == SalesState.OPEN;
            case CLOSED -> true;
            case SCHEDULED -> false;
        };
        if (!allowed) {
            throw new SalesStateRefusedException(eventId, now, "they cannot become " + wanted);
        }
        apply(new SalesStateChanged(eventId, wanted));
    }

    @CommandHandler
    void handle(ReleaseAccessibleSeats command) {
        if (!accessibleSeatsReleased) {
            apply(new AccessibleSeatsReleased(eventId));
        }
    }

    private SalesState salesStateAt(Instant instant) {
        return salesState.at(salesStartAt, instant);
    }

    @EventSourcingHandler
    void on(EventCreated event) {
        eventId = event.eventId();
        name = event.name();
        prices = event.prices();
        salesStartAt = event.salesStartAt();
        salesState = event.salesState();
    }

    @EventSourcingHandler
    void on(EventChanged event) {
        name = event.name();
        prices = event.prices();
    }

    @EventSourcingHandler
    void on(SalesStateChanged event) {
        salesState = event.salesState();
    }

    @EventSourcingHandler
    void on(AccessibleSeatsReleased event) {
        accessibleSeatsReleased = true;
    }
}
