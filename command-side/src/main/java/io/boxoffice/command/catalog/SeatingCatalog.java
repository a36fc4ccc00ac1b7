package io.boxoffice.command.catalog;

import io.boxoffice.api.catalog.EventCreated;
import io.boxoffice.api.catalog.Section;
import io.boxoffice.api.catalog.VenueCreated;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
    private final Map<String, EventSeating> seatingByEvent = Collections.synchronizedMap(
            new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, EventSeating> eldest) {
                    return size() > CACHED_EVENTS;
                }
            });

    public SeatingCatalog(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    public Optional<VenueCreated> venue(String venueId) {
        return firstEvent(venueId, VenueCreated.class);
    }

    public Optional<EventSeating> seating(String eventId) {
        EventSeating cached = seatingByEvent.get(eventId);
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
