package io.boxoffice.app.support;

import io.boxoffice.api.seat.SeatHeld;
import io.boxoffice.api.seat.SeatKey;
import io.boxoffice.api.seat.SeatReleased;
import io.boxoffice.api.seat.SeatSold;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/** Reads the truth straight from the event store, past every read model and cache. */
public final class EventStoreProbe {

    private final EventStore eventStore;
    private final JdbcTemplate jdbc;

    public EventStoreProbe(ApplicationContext context) {
        this.eventStore = context.getBean(EventStore.class);
        this.jdbc = context.getBean(JdbcTemplate.class);
    }

    /**
     * Events that concern one event (its seats, its reservations), plus every venue and event created anywhere:
     * what a refused request must not add to. Counting only these keeps the count still while deadlines of other
     * tests expire their holds in the background.
     */
    public long eventCountFor(String eventId) {
        return jdbc.queryForObject("""
                SELECT count(*) FROM domain_event_entry
                WHERE payload_type IN ('io.boxoffice.api.catalog.VenueCreated', 'io.boxoffice.api.catalog.EventCreated')
                   OR aggregate_identifier LIKE ? || '/%'
                   OR convert_from(payload, 'UTF8') LIKE '%' || ? || '%'""", Long.class, eventId, eventId);
    }

    public List<Object> payloads(String aggregateId) {
        return eventStore.readEvents(aggregateId).asStream().map(EventMessage::getPayload)
                .map(Object.class::cast).toList();
    }

    /**
     * For each seat, the reservations that held it, in order. Checks I2 on the way: a seat is never held while
     * another reservation's hold on it has not been released, expired or sold.
     */
    public Map<String, List<String>> holdsBySeat(String eventId, List<String> seatIds) {
        Map<String, List<String>> holds = new TreeMap<>();
        for (String seatId : seatIds) {
            List<String> holders = new ArrayList<>();
            String liveHolder = null;
            for (Object event : payloads(SeatKey.of(eventId, seatId))) {
                if (event instanceof SeatHeld held) {
                    assertThat(liveHolder).as("seat %s held by %s while %s holds it", seatId,
                            held.reservationId(), liveHolder).isNull();
                    liveHolder = held.reservationId();
                    holders.add(held.reservationId());
                } else if (event instanceof SeatReleased || event instanceof SeatSold) {
                    liveHolder = null;
                }
            }
            holds.put(seatId, holders);
        }
        return holds;
    }
}
