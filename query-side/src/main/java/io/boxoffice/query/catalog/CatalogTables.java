package io.boxoffice.query.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.boxoffice.api.catalog.AccessibleSeatsReleased;
import io.boxoffice.api.catalog.EventChanged;
import io.boxoffice.api.catalog.EventCreated;
import io.boxoffice.api.catalog.SalesStateChanged;
import io.boxoffice.api.catalog.VenueCreated;
import io.boxoffice.api.seat.SeatHeld;
import io.boxoffice.api.seat.SeatReleased;
import io.boxoffice.api.seat.SeatReturnedToSale;
import io.boxoffice.api.seat.SeatSold;
import io.boxoffice.api.seat.SeatWithheld;
import io.boxoffice.query.replay.Generation;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.util.List;

/**
 * What each domain event does to one generation of the catalog's tables ({@code seat_state_blue}; readers see the
 * serving one's through views without the suffix). Every write is an upsert or a delete keyed by what the event
 * names, so applying an event twice leaves the same rows.
 * <p>
 * Each write runs in a savepoint of the processor's transaction: a write PostgreSQL refuses (a name it cannot
 * store, a date out of its range) fails that one event, which the dead-letter queue sets aside, and leaves the
 * transaction usable for every other event of the batch (without the savepoint, PostgreSQL refuses everything
 * after the first error until the transaction ends, and the whole batch would fail again and again).
 */
public class CatalogTables {

    /** The tables of the catalog read model. */
    public static final List<String> TABLES = List.of("venue_view", "event_view", "seat_state");

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final String suffix;
    private final TransactionTemplate savepoint;

    public CatalogTables(JdbcTemplate jdbc, ObjectMapper json, Generation generation,
                         PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.json = json;
        this.suffix = generation.tableSuffix();
        this.savepoint = new TransactionTemplate(transactions);
        savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    void venueCreated(VenueCreated venue) {
        write(("INSERT INTO venue_view%s (venue_id, name, city, seat_count, layout, time_zone, stage) "
                        + "VALUES (?, ?, ?, ?, CAST(? AS JSONB), ?, CAST(? AS JSONB)) ON CONFLICT (venue_id) DO NOTHING")
                        .formatted(suffix),
                venue.venueId(), venue.name(), venue.city(), venue.seatCount(), toJson(venue.sections()),
                venue.timeZone(), venue.stage() == null ? null : toJson(venue.stage()));
    }

    void eventCreated(EventCreated event) {
        write(("INSERT INTO event_view%s (event_id, venue_id, name, starts_at, sales_start_at, prices, "
                        + "waiting_room, max_tickets_per_fan, organizer, sales_state) "
                        + "VALUES (?, ?, ?, ?, ?, CAST(? AS JSONB), CAST(? AS JSONB), ?, ?, ?) "
                        + "ON CONFLICT (event_id) DO NOTHING").formatted(suffix),
                event.eventId(), event.venueId(), event.name(), Timestamp.from(event.startsAt()),
                event.salesStartAt() == null ? null : Timestamp.from(event.salesStartAt()), toJson(event.prices()),
                event.waitingRoom() == null ? null : toJson(event.waitingRoom()), event.ticketsPerFan(),
                event.organizer(), event.salesState().name());
    }

    void eventChanged(EventChanged event) {
        write("UPDATE event_view%s SET name = ?, prices = CAST(? AS JSONB) WHERE event_id = ?".formatted(suffix),
                event.name(), toJson(event.prices()), event.eventId());
    }

    void salesStateChanged(SalesStateChanged event) {
        write("UPDATE event_view%s SET sales_state = ? WHERE event_id = ?".formatted(suffix),
                event.salesState().name(), event.eventId());
    }

    void accessibleSeatsReleased(AccessibleSeatsReleased event) {
        write("UPDATE event_view%s SET accessible_seats_released = TRUE WHERE event_id = ?".formatted(suffix),
                event.eventId());
    }

    void seatWithheld(SeatWithheld withheld) {
        write(("INSERT INTO seat_state%s (event_id, seat_id, status, reservation_id, held_until) "
                        + "VALUES (?, ?, 'HOUSE', NULL, NULL) ON CONFLICT (event_id, seat_id) DO UPDATE SET "
                        + "status = 'HOUSE', reservation_id = NULL, held_until = NULL").formatted(suffix),
                withheld.eventId(), withheld.seatId());
    }

    void seatReturnedToSale(SeatReturnedToSale returned) {
        write("DELETE FROM seat_state%s WHERE event_id = ? AND seat_id = ? AND status = 'HOUSE'".formatted(suffix),
                returned.eventId(), returned.seatId());
    }

    void seatHeld(SeatHeld held) {
        write(("INSERT INTO seat_state%s (event_id, seat_id, status, reservation_id, held_until) "
                        + "VALUES (?, ?, 'HELD', ?, ?) ON CONFLICT (event_id, seat_id) DO UPDATE SET status = 'HELD', "
                        + "reservation_id = EXCLUDED.reservation_id, held_until = EXCLUDED.held_until").formatted(suffix),
                held.eventId(), held.seatId(), held.reservationId(), Timestamp.from(held.heldUntil()));
    }

    void seatSold(SeatSold sold) {
        write(("INSERT INTO seat_state%s (event_id, seat_id, status, reservation_id, held_until) "
                        + "VALUES (?, ?, 'SOLD', ?, NULL) ON CONFLICT (event_id, seat_id) DO UPDATE SET status = 'SOLD', "
                        + "reservation_id = EXCLUDED.reservation_id, held_until = NULL").formatted(suffix),
                sold.eventId(), sold.seatId(), sold.reservationId());
    }

    void seatReleased(SeatReleased released) {
        write(("DELETE FROM seat_state%s WHERE event_id = ? AND seat_id = ? AND reservation_id = ? "
                        + "AND status = 'HELD'").formatted(suffix),
                released.eventId(), released.seatId(), released.reservationId());
    }

    private void write(String sql, Object... args) {
        savepoint.executeWithoutResult(status -> jdbc.update(sql, args));
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("layouts and prices are plain data", e);
        }
    }
}
