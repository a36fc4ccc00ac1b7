package io.boxoffice.query.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.boxoffice.api.catalog.FindUnavailableSeats;
import io.boxoffice.api.catalog.SalesState;
import org.axonframework.queryhandling.QueryHandler;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.boxoffice.api.catalog.FindSeatCounts.SeatCounts;
import io.boxoffice.api.catalog.Section;
import io.boxoffice.api.catalog.Stage;
import io.boxoffice.api.catalog.WaitingRoomPolicy;
import io.boxoffice.api.common.Money;
import io.boxoffice.query.QueryDataSourceConfiguration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import static java.util.Collections.unmodifiableList;

/**
 * Reads of the browsing read models. Lists are answered in one query each, and the per-item parts (venues,
 * counts) by one query for a whole page, so a page of events costs three queries whatever its size. An event is
 * browsable once its venue is projected too: they are different aggregates, seen by the projection in any order.
 */
@Component
public class CatalogReadModel {

    private static final String SELECT_EVENTS = """
            SELECT e.event_id, e.name, e.starts_at, e.sales_start_at, e.venue_id, e.prices::text AS prices,
                   e.waiting_room::text AS waiting_room, e.max_tickets_per_fan, e.sales_state, e.organizer,
                   e.accessible_seats_released
            FROM event_view e JOIN venue_view v ON v.venue_id = e.venue_id""";
    /**
     * Seats held (live, as of the first parameter), sold and withheld (house), of the {@code s} rows of seat_state
     * grouped.
     */
    static final String UNAVAILABLE_COUNTS = """
            count(s.seat_id) FILTER (WHERE s.status = 'HELD' AND s.held_until > ?) AS held,
            count(s.seat_id) FILTER (WHERE s.status = 'SOLD') AS sold,
            count(s.seat_id) FILTER (WHERE s.status = 'HOUSE') AS house""";
    /** The rows of seat_state that make a seat unavailable as of the parameter: a hold past its end does not. */
    static final String UNAVAILABLE = "(status IN ('SOLD', 'HOUSE') OR held_until > ?)";

    private static final int CACHED_LAYOUTS = 32;
    private static final int KNOWN_EVENTS = 10_000;

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final Clock clock;
    /** Layouts never change once created; the large ones are worth parsing once. */
    private final Cache<String, List<Section>> layouts = recentlyUsed();
    private final Cache<String, Boolean> knownEvents = Caffeine.newBuilder().maximumSize(KNOWN_EVENTS).build();

    /** The venues used most lately, by venue id, about {@value #CACHED_LAYOUTS} of them. */
    private static <V> Cache<String, V> recentlyUsed() {
        return Caffeine.newBuilder().maximumSize(CACHED_LAYOUTS).build();
    }

    public CatalogReadModel(QueryDataSourceConfiguration.QueryJdbc queryJdbc, ObjectMapper json, Clock clock) {
        this.jdbc = queryJdbc.jdbc();
        this.json = json;
        this.clock = clock;
    }

    /**
     * {@code salesState} is where sales stand at the time of reading (scheduled sales whose time has come are open);
     * {@code organizer} is null for events stored before organizers were recorded.
     */
    public record EventRow(String id, String name, Instant startsAt, Instant salesStartAt, String venueId,
                           Map<String, Money> prices, WaitingRoomPolicy waitingRoom, int maxTicketsPerFan,
                           SalesState salesState, String organizer, boolean accessibleSeatsReleased) {
    }

    /** {@code timeZone}: where the venue's events' times are shown; {@code stage} is null where none was drawn. */
    public record VenueRow(String id, String name, String city, int seatCount, String timeZone, Stage stage) {
    }

    public record SeatState(String status, Instant heldUntil) {
    }

    /**
     * An event's seats held (with a live hold), sold and withheld by the organizer, each list sorted; every other
     * seat is available.
     */
    public record TakenSeats(List<String> held, List<String> sold, List<String> house) {
    }

    public record EventFilter(String city, Instant from, Instant to, String text) {
    }

    public record Page(List<EventRow> events, boolean hasNext) {
    }

    /** Events ordered by start, then id; {@code after} is the cursor of the last event of the previous page. */
    public Page events(EventFilter filter, int first, String after) {
        StringBuilder sql = new StringBuilder(SELECT_EVENTS + " WHERE TRUE");
        List<Object> args = new ArrayList<>();
        if (filter.city() != null) {
            sql.append(" AND lower(v.city) = lower(?)");
            args.add(filter.city());
        }
        if (filter.from() != null) {
            sql.append(" AND e.starts_at >= ?");
            args.add(Timestamp.from(filter.from()));
        }
        if (filter.to() != null) {
            sql.append(" AND e.starts_at < ?");
            args.add(Timestamp.from(filter.to()));
        }
        if (filter.text() != null && !filter.text().isBlank()) {
            sql.append(" AND (e.name ILIKE ? OR v.name ILIKE ?)");
            String like = "%" + filter.text().strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            args.add(like);
            args.add(like);
        }
        if (after != null) {
            Cursor cursor = Cursor.decode(after);
            sql.append(" AND (e.starts_at, e.event_id) > (?, ?)");
            args.add(Timestamp.from(cursor.startsAt()));
            args.add(cursor.eventId());
        }
        sql.append(" ORDER BY e.starts_at, e.event_id LIMIT ?");
        args.add(first + 1);
        List<EventRow> rows = jdbc.query(sql.toString(), eventRow(), args.toArray());
        return new Page(rows.subList(0, Math.min(first, rows.size())), rows.size() > first);
    }

    /**
     * Whether the event is browsable. A yes is remembered (an event, once projected, stays): a crowd opening seat-update
     * streams or polling availability is not a query each, which at 1,000 streams a second used up the pools.
     */
    public boolean hasEvent(String eventId) {
        if (knownEvents.getIfPresent(eventId) != null) {
            return true;
        }
        boolean known = !jdbc.queryForList("SELECT 1 FROM event_view WHERE event_id = ?", Integer.class, eventId)
                .isEmpty();
        if (known) {
            knownEvents.put(eventId, Boolean.TRUE);
        }
        return known;
    }

    public TakenSeats takenSeats(String eventId) {
        Map<String, List<String>> byStatus = Map.of("HELD", new ArrayList<>(), "SOLD", new ArrayList<>(),
                "HOUSE", new ArrayList<>());
        jdbc.query("SELECT seat_id, status FROM seat_state WHERE event_id = ? AND " + UNAVAILABLE
                        + " ORDER BY seat_id",
                row -> {
                    byStatus.get(row.getString("status")).add(row.getString("seat_id"));
                }, eventId, Timestamp.from(clock.instant()));
        return new TakenSeats(byStatus.get("HELD"), byStatus.get("SOLD"), byStatus.get("HOUSE"));
    }

    /**
     * The events an organizer created, and those stored before organizers were recorded (every organizer's), by
     * start.
     */
    public List<EventRow> eventsOrganizedBy(String organizer) {
        return jdbc.query(SELECT_EVENTS + " WHERE e.organizer = ? OR e.organizer IS NULL ORDER BY e.starts_at, "
                + "e.event_id", eventRow(), organizer);
    }

    /** Seats held (live), sold and withheld of one section. */
    public record SectionCounts(int held, int sold, int house) {
    }

    /** An event's unavailable seats counted by section, in one query; sections with none are absent. */
    public Map<String, SectionCounts> countsBySection(String eventId) {
        Map<String, SectionCounts> counts = new HashMap<>();
        // a seat id starts with its section's id and a '-', which no section id contains
        jdbc.query("""
                        SELECT split_part(s.seat_id, '-', 1) AS section, %s
                        FROM seat_state s WHERE s.event_id = ? GROUP BY 1""".formatted(UNAVAILABLE_COUNTS),
                row -> {
                    counts.put(row.getString("section"), new SectionCounts(row.getInt("held"), row.getInt("sold"),
                            row.getInt("house")));
                }, Timestamp.from(clock.instant()), eventId);
        return counts;
    }

    /** For best available on the command side: what browsing shows taken (it tries again if it was behind). */
    @QueryHandler
    public List<String> handle(FindUnavailableSeats query) {
        TakenSeats taken = takenSeats(query.eventId());
        List<String> unavailable = new ArrayList<>(taken.held());
        unavailable.addAll(taken.sold());
        unavailable.addAll(taken.house());
        return unavailable;
    }

    public Optional<EventRow> event(String eventId) {
        return jdbc.query(SELECT_EVENTS + " WHERE e.event_id = ?", eventRow(), eventId).stream().findFirst();
    }

    public Map<String, EventRow> events(Collection<String> eventIds) {
        return jdbc.query(SELECT_EVENTS + " WHERE e.event_id = ANY (?)", eventRow(),
                        (Object) eventIds.toArray(String[]::new))
                .stream().collect(Collectors.toMap(EventRow::id, event -> event));
    }

    public Map<String, VenueRow> venues(Collection<String> venueIds) {
        return jdbc.query(SELECT_VENUES + " WHERE venue_id = ANY (?)",
                        venueRow(), (Object) venueIds.toArray(String[]::new))
                .stream().collect(Collectors.toMap(VenueRow::id, venue -> venue));
    }

    /** Every venue, by name: what an organizer picks from when creating an event. */
    public List<VenueRow> allVenues() {
        return jdbc.query(SELECT_VENUES + " ORDER BY name, venue_id", venueRow());
    }

    private static final String SELECT_VENUES =
            "SELECT venue_id, name, city, seat_count, time_zone, stage::text AS stage FROM venue_view";

    private RowMapper<VenueRow> venueRow() {
        return (row, n) -> new VenueRow(row.getString("venue_id"), row.getString("name"), row.getString("city"),
                row.getInt("seat_count"), row.getString("time_zone"), stage(row.getString("stage")));
    }

    /** One event's seat counts in one query (the waiting room asks a few times a second); empty if unknown. */
    public Optional<SeatCounts> counts(String eventId) {
        return jdbc.query("""
                        SELECT v.seat_count, %s
                        FROM event_view e JOIN venue_view v ON v.venue_id = e.venue_id
                        LEFT JOIN seat_state s ON s.event_id = e.event_id
                        WHERE e.event_id = ? GROUP BY v.seat_count""".formatted(UNAVAILABLE_COUNTS),
                (row, n) -> new SeatCounts(row.getInt("seat_count") - row.getInt("held") - row.getInt("sold")
                        - row.getInt("house"), row.getInt("held"), row.getInt("sold"), row.getInt("house")),
                Timestamp.from(clock.instant()), eventId).stream().findFirst();
    }

    /** Counts by status for a page of events, in one query; a hold past its end counts as available. */
    public Map<String, SeatCounts> counts(Collection<EventRow> events) {
        Map<String, int[]> unavailable = new HashMap<>();
        jdbc.query("""
                        SELECT s.event_id, %s
                        FROM seat_state s WHERE s.event_id = ANY (?) GROUP BY s.event_id""".formatted(UNAVAILABLE_COUNTS),
                row -> {
                    unavailable.put(row.getString("event_id"),
                            new int[]{row.getInt("held"), row.getInt("sold"), row.getInt("house")});
                }, Timestamp.from(clock.instant()), events.stream().map(EventRow::id).toArray(String[]::new));
        Map<String, VenueRow> venues = venues(events.stream().map(EventRow::venueId).collect(Collectors.toSet()));
        Map<String, SeatCounts> counts = new HashMap<>();
        for (EventRow event : events) {
            int[] taken = unavailable.getOrDefault(event.id(), new int[3]);
            int total = venues.get(event.venueId()).seatCount();
            counts.put(event.id(), new SeatCounts(total - taken[0] - taken[1] - taken[2], taken[0], taken[1],
                    taken[2]));
        }
        return counts;
    }

    /** The seats of an event that are held (live), sold or withheld; all others are available. */
    public Map<String, SeatState> seatStates(String eventId) {
        Map<String, SeatState> states = new HashMap<>();
        jdbc.query("SELECT seat_id, status, held_until FROM seat_state WHERE event_id = ? AND " + UNAVAILABLE,
                row -> {
                    Timestamp heldUntil = row.getTimestamp("held_until");
                    states.put(row.getString("seat_id"), new SeatState(row.getString("status"),
                            heldUntil == null ? null : heldUntil.toInstant()));
                }, eventId, Timestamp.from(clock.instant()));
        return states;
    }

    /** A venue's seats as columns, built once per venue: what a large seat map needs besides the statuses. */
    public record SeatColumns(List<String> seatIds, List<String> sections, List<String> rows, List<String> numbers,
                              List<Double> x, List<Double> y, List<String> categories, String access) {

        static SeatColumns of(List<Section> layout) {
            SeatColumns columns = new SeatColumns(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(),
                    new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), null);
            StringBuilder access = new StringBuilder();
            for (Section section : layout) {
                section.rows().forEach(row -> row.seats().forEach(seat -> {
                    columns.seatIds.add(Section.seatId(section.id(), row.label(), seat.number()));
                    columns.sections.add(section.id());
                    columns.rows.add(row.label());
                    columns.numbers.add(seat.number());
                    columns.x.add(seat.x());
                    columns.y.add(seat.y());
                    columns.categories.add(section.category());
                    access.append(seat.access() == null ? '.' : seat.access().name().charAt(0));
                }));
            }
            return new SeatColumns(unmodifiableList(columns.seatIds), unmodifiableList(columns.sections),
                    unmodifiableList(columns.rows), unmodifiableList(columns.numbers), unmodifiableList(columns.x),
                    unmodifiableList(columns.y), unmodifiableList(columns.categories), access.toString());
        }
    }

    private final Cache<String, SeatColumns> columns = recentlyUsed();

    public SeatColumns seatColumns(String venueId) {
        SeatColumns cached = columns.getIfPresent(venueId);
        if (cached != null) {
            return cached;
        }
        SeatColumns built = SeatColumns.of(layout(venueId));
        if (!built.seatIds().isEmpty()) {
            columns.put(venueId, built);
        }
        return built;
    }

    /** A venue's layout; none (and nothing kept) while the projection has not seen the venue yet. */
    public List<Section> layout(String venueId) {
        List<Section> cached = layouts.getIfPresent(venueId);
        if (cached != null) {
            return cached;
        }
        List<Section> layout = jdbc.query("SELECT layout::text FROM venue_view WHERE venue_id = ?",
                (row, n) -> parse(row.getString(1)), venueId).stream().findFirst().orElse(List.of());
        if (!layout.isEmpty()) {
            layouts.put(venueId, layout);
        }
        return layout;
    }

    private Stage stage(String stage) {
        try {
            return stage == null ? null : json.readValue(stage, Stage.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("venue_view.stage holds what the projection wrote", e);
        }
    }

    private List<Section> parse(String layout) {
        try {
            return json.readValue(layout, json.getTypeFactory().constructCollectionType(List.class, Section.class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("venue_view.layout holds what the projection wrote", e);
        }
    }

    private RowMapper<EventRow> eventRow() {
        return (row, n) -> {
            Timestamp salesStartTimestamp = row.getTimestamp("sales_start_at");
            Instant salesStartAt = salesStartTimestamp == null ? null : salesStartTimestamp.toInstant();
            try {
                return new EventRow(row.getString("event_id"), row.getString("name"),
                        row.getTimestamp("starts_at").toInstant(), salesStartAt, row.getString("venue_id"),
                        json.readValue(row.getString("prices"),
                                json.getTypeFactory().constructMapType(Map.class, String.class, Money.class)),
                        row.getString("waiting_room") == null ? null
                                : json.readValue(row.getString("waiting_room"), WaitingRoomPolicy.class),
                        row.getInt("max_tickets_per_fan"),
                        SalesState.valueOf(row.getString("sales_state")).at(salesStartAt, clock.instant()),
                        row.getString("organizer"), row.getBoolean("accessible_seats_released"));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("event_view.prices holds what the projection wrote", e);
            }
        };
    }

    /** An opaque cursor: the sort key of the last event of a page. */
    public record Cursor(Instant startsAt, String eventId) {

        public String encode() {
            return Base64.getUrlEncoder().withoutPadding().encodeToString((startsAt + "|" + eventId).getBytes());
        }

        static Cursor decode(String cursor) {
            try {
                String[] parts = new String(Base64.getUrlDecoder().decode(cursor)).split("\\|", 2);
                return new Cursor(Instant.parse(parts[0]), parts[1]);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("not a cursor of this API: " + cursor);
            }
        }
    }
}
