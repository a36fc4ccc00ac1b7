package io.boxoffice.command.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.boxoffice.api.catalog.AccessibleSeatsReleased;
import io.boxoffice.api.catalog.EventChanged;
import io.boxoffice.api.catalog.EventCreated;
import io.boxoffice.api.catalog.SalesState;
import io.boxoffice.api.catalog.SalesStateChanged;
import io.boxoffice.api.catalog.Section;
import io.boxoffice.api.catalog.Stage;
import io.boxoffice.api.catalog.VenueCreated;
import io.boxoffice.api.catalog.WaitingRoomPolicy;
import io.boxoffice.api.common.Money;
import io.boxoffice.api.problem.Problem;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Venues and events as the command side needs them: the command side's own lookup ({@code venue_seating},
 * {@code event_seating}), written by a subscribing processor in the transaction of the command that changes them, so
 * an event can take reservations the moment its organizer is told it exists.
 * <p>
 * A venue's seats never change, so they are read once and kept (the most recent {@value #CACHED} venues). What the
 * organizer may change about an event (its prices before sales open, its sales state, its accessible seats) is kept
 * for {@link #EVENT_FRESHNESS} at most: the node that made a change forgets its copy at once, and every other node
 * of the cluster reads the change within that time, at the cost of one small query per event and node a second.
 * A fan reserving in that second on another node is judged by the state of a moment before, which is the same
 * answer they would have had by clicking a moment earlier.
 */
@Component
@ProcessingGroup(SeatingCatalog.PROCESSING_GROUP)
public class SeatingCatalog {

    public static final String PROCESSING_GROUP = "seating-catalog";
    /** How long another node may answer from an event's state before a change (pause, close, prices). */
    public static final Duration EVENT_FRESHNESS = Duration.ofSeconds(1);
    private static final int CACHED = 64;
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
    private final Cache<String, EventSeating> seatingByEvent = Caffeine.newBuilder().maximumSize(CACHED)
            .expireAfterWrite(EVENT_FRESHNESS).build();
    private final Cache<String, Map<String, String>> categoryBySeatByVenue = Caffeine.newBuilder()
            .maximumSize(CACHED).build();

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
                                                   max_tickets_per_fan, sales_state, seat_layout)
                        VALUES (?, ?, ?, CAST(? AS JSONB), CAST(? AS JSONB), ?, ?, CAST(? AS JSONB))
                        ON CONFLICT (event_id) DO NOTHING""",
                event.eventId(), event.venueId(),
                event.salesStartAt() == null ? null : Timestamp.from(event.salesStartAt()), toJson(event.prices()),
                event.waitingRoom() == null ? null : toJson(event.waitingRoom()), event.ticketsPerFan(),
                event.salesState().name(), event.seatLayout() == null ? null : toJson(event.seatLayout()));
    }

    @EventHandler
    void on(EventChanged event) {
        changed(event.eventId(), "UPDATE event_seating SET prices = CAST(? AS JSONB) WHERE event_id = ?",
                toJson(event.prices()));
    }

    @EventHandler
    void on(SalesStateChanged event) {
        changed(event.eventId(), "UPDATE event_seating SET sales_state = ? WHERE event_id = ?",
                event.salesState().name());
    }

    @EventHandler
    void on(AccessibleSeatsReleased event) {
        changed(event.eventId(), "UPDATE event_seating SET accessible_seats_released = ? WHERE event_id = ?", true);
    }

    /** Writes the change (the event id is the last parameter) and forgets this node's copy once it is committed. */
    private void changed(String eventId, String update, Object value) {
        jdbc.update(update, value, eventId);
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().afterCommit(committed -> seatingByEvent.invalidate(eventId));
        } else {
            seatingByEvent.invalidate(eventId);
        }
    }

    /** The venue's sections, rows and seats, and its stage. */
    public Optional<VenueLayout> layout(String venueId) {
        return jdbc.query("SELECT sections, stage FROM venue_seating WHERE venue_id = ?",
                (row, n) -> new VenueLayout(fromJson(row.getString("sections"), SECTIONS),
                        row.getString("stage") == null ? null : fromJson(row.getString("stage"), STAGE)),
                venueId).stream().findFirst();
    }

    /**
     * The event's seating; when its copy expires in an on-sale, the requests that find it gone wait for the one that
     * reads it again rather than each read it (an unknown event is not kept).
     */
    public Optional<EventSeating> seating(String eventId) {
        return Optional.ofNullable(seatingByEvent.get(eventId, this::load));
    }

    private EventSeating load(String eventId) {
        return jdbc.query("""
                        SELECT event_id, venue_id, sales_start_at, prices, waiting_room, max_tickets_per_fan,
                               sales_state, accessible_seats_released
                        FROM event_seating WHERE event_id = ?""",
                (row, n) -> seatingOf(row), eventId).stream().findFirst()
                .flatMap(event -> categoryBySeat(event.venueId()).map(event.seating()))
                .orElse(null);
    }

    /** The seating of the event a request names, or the request's 404. */
    public EventSeating seatingOrNotFound(String eventId) {
        return seating(eventId).orElseThrow(() -> Problem.of(HttpStatus.NOT_FOUND.value(), "event-not-found",
                "Event not found", "no event " + eventId).refused());
    }

    /**
     * An event's row, to be completed with its venue's seats once the row is read (never while its result set is
     * open, which would hold a second connection of the pool).
     */
    private record EventRow(String venueId, Function<Map<String, String>, EventSeating> seating) {
    }

    private EventRow seatingOf(ResultSet row) throws SQLException {
        String eventId = row.getString("event_id");
        String venueId = row.getString("venue_id");
        Timestamp salesStartAt = row.getTimestamp("sales_start_at");
        Map<String, Money> prices = fromJson(row.getString("prices"), PRICES);
        String waitingRoom = row.getString("waiting_room");
        WaitingRoomPolicy policy = waitingRoom == null ? null : fromJson(waitingRoom, WAITING_ROOM);
        int maxTicketsPerFan = row.getInt("max_tickets_per_fan");
        SalesState salesState = SalesState.valueOf(row.getString("sales_state"));
        boolean accessibleSeatsReleased = row.getBoolean("accessible_seats_released");
        return new EventRow(venueId, categoryBySeat -> new EventSeating(eventId, venueId,
                salesStartAt == null ? null : salesStartAt.toInstant(), categoryBySeat, prices, policy,
                maxTicketsPerFan, salesState, accessibleSeatsReleased));
    }

    /** The venue's category of each seat; none while the venue is unknown (an event names an existing one: never). */
    private Optional<Map<String, String>> categoryBySeat(String venueId) {
        Map<String, String> cached = categoryBySeatByVenue.getIfPresent(venueId);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<Map<String, String>> loaded = layout(venueId).map(VenueLayout::sections).map(sections -> {
            Map<String, String> categoryBySeat = new HashMap<>();
            for (Section section : sections) {
                section.rows().forEach(seatRow -> seatRow.seats().forEach(seat -> categoryBySeat.put(
                        Section.seatId(section.id(), seatRow.label(), seat.number()), section.category())));
            }
            return Map.copyOf(categoryBySeat);
        });
        loaded.ifPresent(categoryBySeat -> categoryBySeatByVenue.put(venueId, categoryBySeat));
        return loaded;
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
