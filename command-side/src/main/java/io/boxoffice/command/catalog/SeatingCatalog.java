package io.boxoffice.command.catalog;

import io.boxoffice.api.catalog.EventCreated;
import io.boxoffice.api.catalog.Section;
import io.boxoffice.api.catalog.VenueCreated;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Venues and events as the command side needs them, read straight from the event store: they are immutable
 * once created, so an event's seating is read once and kept (the most recent {@value #CACHED_EVENTS} events).
 */
@Component
public class SeatingCatalog {

    private static final int CACHED_EVENTS = 64;

    private final EventStore eventStore;
    /** Read on every reservation attempt: Caffeine's reads take no lock, where a synchronized map took a global one. */
    private final Cache<String, EventSeating> seatingByEvent = Caffeine.newBuilder().maximumSize(CACHED_EVENTS)
            .build();

    public SeatingCatalog(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    public Optional<VenueCreated> venue(String venueId) {
        return firstEvent(venueId, VenueCreated.class);
    }

    public Optional<EventSeating> seating(String eventId) {
        EventSeating cached = seatingByEvent.getIfPresent(eventId);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<EventSeating> loaded = firstEvent(eventId, EventCreated.class).flatMap(this::seatingOf);
        loaded.ifPresent(seating -> seatingByEvent.put(eventId, seating));
        return loaded;
    }

    private Optional<EventSeating> seatingOf(EventCreated event) {
        return venue(event.venueId()).map(venue -> {
            Map<String, String> categoryBySeat = new HashMap<>();
            for (Section section : venue.sections()) {
                section.rows().forEach(row -> row.seats().forEach(seat -> categoryBySeat.put(
                        Section.seatId(section.id(), row.label(), seat.number()), section.category())));
            }
            return new EventSeating(event.eventId(), event.salesStartAt(), categoryBySeat, event.prices(),
                    event.waitingRoom(), event.ticketsPerFan());
        });
    }

    private <T> Optional<T> firstEvent(String aggregateId, Class<T> type) {
        if (aggregateId == null || aggregateId.isBlank()) {
            return Optional.empty();
        }
        return eventStore.readEvents(aggregateId).asStream()
                .findFirst()
                .map(message -> message.getPayload())
                .filter(type::isInstance)
                .map(type::cast);
    }
}
