package io.boxoffice.command.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.boxoffice.api.catalog.EventCreated;
import io.boxoffice.api.catalog.Section;
import io.boxoffice.api.catalog.Stage;
import io.boxoffice.api.catalog.VenueCreated;
import io.boxoffice.api.catalog.WaitingRoomPolicy;
import io.boxoffice.api.common.Money;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Venues and events as the command side needs them: the command side's own lookup ({@code venue_seating},
 * {@code event_seating}), written by a subscribing processor in the transaction that creates them, so an event can
 * take reservations the moment its organizer is told it exists. Both are immutable once created, so an event's
 * seating is read once and kept (the most recent {@value #CACHED_EVENTS} events).
 */
@Component
@ProcessingGroup(SeatingCatalog.PROCESSING_GROUP)
public class SeatingCatalog {

    public static final String PROCESSING_GROUP = "seating-catalog";
    private static final int CACHED_EVENTS = 64;
    private static final TypeReference<List<Section>> SECTIONS = new TypeReference<>() {
    };
    private static final TypeReference<Map<String, Money>> PRICES = new TypeReference<>() {
    };
    private static final TypeReference<WaitingRoomPolicy> WAITING_ROOM = new TypeReference<>() {
    };
    private static final TypeReference<Stage> STAGE = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    /** Read on every reservation attempt: Caffeine's reads take no lock, where a synchronized map took a global one. */
    private final Cache<String, EventSeating> seatingByEvent = Caffeine.newBuilder().maximumSize(CACHED_EVENTS)
            .build();

    public SeatingCatalog(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @EventHandler
    void on(VenueCreated venue) {
        jdbc.update("INSERT INTO venue_seating (venue_id, sections, stage) VALUES (?, CAST(? AS JSONB), CAST(? AS JSONB)) "
                        + "ON CONFLICT (venue_id) DO NOTHING", venue.venueId(), toJson(venue.sections()),
                venue.stage() == null ? null : toJson(venue.stage()));
    }

    @EventHandler
    void on(EventCreated event) {
        jdbc.update("""
                        INSERT INTO event_seating (event_id, venue_id, sales_start_at, prices, waiting_room,
                                                   max_tickets_per_fan)
                        VALUES (?, ?, ?, CAST(? AS JSONB), CAST(? AS JSONB), ?) ON CONFLICT (event_id) DO NOTHING""",
                event.eventId(), event.venueId(),
                event.salesStartAt() == null ? null : Timestamp.from(event.salesStartAt()), toJson(event.prices()),
                event.waitingRoom() == null ? null : toJson(event.waitingRoom()), event.ticketsPerFan());
    }

    /** The venue's sections, rows and seats, and its stage. */
    public Optional<VenueLayout> layout(String venueId) {
        return jdbc.query("SELECT sections, stage FROM venue_seating WHERE venue_id = ?",
                (row, n) -> new VenueLayout(fromJson(row.getString("sections"), SECTIONS),
                        row.getString("stage") == null ? null : fromJson(row.getString("stage"), STAGE)),
                venueId).stream().findFirst();
    }

    public Optional<EventSeating> seating(String eventId) {
        EventSeating cached = seatingByEvent.getIfPresent(eventId);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<EventSeating> loaded = jdbc.query("""
                        SELECT e.event_id, e.venue_id, e.sales_start_at, e.prices, e.waiting_room, e.max_tickets_per_fan, v.sections
                        FROM event_seating e JOIN venue_seating v ON v.venue_id = e.venue_id WHERE e.event_id = ?""",
                (row, n) -> seatingOf(row), eventId).stream().findFirst();
        loaded.ifPresent(seating -> seatingByEvent.put(eventId, seating));
        return loaded;
    }

    private EventSeating seatingOf(ResultSet row) throws SQLException {
        Map<String, String> categoryBySeat = new HashMap<>();
        for (Section section : fromJson(row.getString("sections"), SECTIONS)) {
            section.rows().forEach(seatRow -> seatRow.seats().forEach(seat -> categoryBySeat.put(
                    Section.seatId(section.id(), seatRow.label(), seat.number()), section.category())));
        }
        Timestamp salesStartAt = row.getTimestamp("sales_start_at");
        String waitingRoom = row.getString("waiting_room");
        return new EventSeating(row.getString("event_id"), row.getString("venue_id"),
                salesStartAt == null ? null : salesStartAt.toInstant(), categoryBySeat, fromJson(row.getString("prices"), PRICES),
                waitingRoom == null ? null : fromJson(waitingRoom, WAITING_ROOM), row.getInt("max_tickets_per_fan"));
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("layouts and prices are plain data", e);
        }
    }

    private <T> T fromJson(String value, TypeReference<T> type) {
        try {
            return json.readValue(value, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a seating row this class wrote does not read back", e);
        }
    }
}
