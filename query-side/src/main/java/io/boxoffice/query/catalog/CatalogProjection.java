package io.boxoffice.query.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.boxoffice.api.catalog.EventCreated;
import io.boxoffice.api.catalog.VenueCreated;
import io.boxoffice.api.seat.SeatHeld;
import io.boxoffice.api.seat.SeatReleased;
import io.boxoffice.api.seat.SeatSold;
import org.axonframework.config.ProcessingGroup;
import io.boxoffice.query.seatupdates.SeatChange;
import io.boxoffice.query.seatupdates.SeatUpdateHub;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ReplayStatus;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;

/**
 * Venues, events and the state of their seats for browsing, and the live seat updates they cause. Every write is an upsert or a delete keyed by what
 * the event names, so processing an event twice (a replay, a retried batch) leaves the same rows. Events of one
 * seat arrive in order (sequencing per aggregate); nothing here depends on the order across aggregates.
 */
@Component
@ProcessingGroup(CatalogProjection.PROCESSING_GROUP)
public class CatalogProjection {

    public static final String PROCESSING_GROUP = "catalog";

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final SeatUpdateHub seatUpdates;

    public CatalogProjection(JdbcTemplate jdbc, ObjectMapper json, SeatUpdateHub seatUpdates) {
        this.jdbc = jdbc;
        this.json = json;
        this.seatUpdates = seatUpdates;
    }

    @EventHandler
    void on(VenueCreated venue) throws JsonProcessingException {
        jdbc.update("""
                        INSERT INTO venue_view (venue_id, name, city, seat_count, layout)
                        VALUES (?, ?, ?, ?, CAST(? AS JSONB)) ON CONFLICT (venue_id) DO NOTHING""",
                venue.venueId(), venue.name(), venue.city(), venue.seatCount(),
                json.writeValueAsString(venue.sections()));
    }

    @EventHandler
    void on(EventCreated event) throws JsonProcessingException {
        jdbc.update("""
                        INSERT INTO event_view (event_id, venue_id, name, starts_at, sales_start_at, prices)
                        VALUES (?, ?, ?, ?, ?, CAST(? AS JSONB)) ON CONFLICT (event_id) DO NOTHING""",
                event.eventId(), event.venueId(), event.name(), Timestamp.from(event.startsAt()),
                event.salesStartAt() == null ? null : Timestamp.from(event.salesStartAt()),
                json.writeValueAsString(event.prices()));
    }

    @EventHandler
    void on(SeatHeld held, TrackingToken token, ReplayStatus replay) {
        jdbc.update("""
                        INSERT INTO seat_state (event_id, seat_id, status, reservation_id, held_until)
                        VALUES (?, ?, 'HELD', ?, ?)
                        ON CONFLICT (event_id, seat_id) DO UPDATE
                        SET status = 'HELD', reservation_id = EXCLUDED.reservation_id, held_until = EXCLUDED.held_until""",
                held.eventId(), held.seatId(), held.reservationId(), Timestamp.from(held.heldUntil()));
        announce(replay, new SeatChange(held.eventId(), position(token), held.seatId(), "HELD",
                held.heldUntil().toString()));
    }

    @EventHandler
    void on(SeatSold sold, TrackingToken token, ReplayStatus replay) {
        jdbc.update("""
                        INSERT INTO seat_state (event_id, seat_id, status, reservation_id, held_until)
                        VALUES (?, ?, 'SOLD', ?, NULL)
                        ON CONFLICT (event_id, seat_id) DO UPDATE
                        SET status = 'SOLD', reservation_id = EXCLUDED.reservation_id, held_until = NULL""",
                sold.eventId(), sold.seatId(), sold.reservationId());
        announce(replay, new SeatChange(sold.eventId(), position(token), sold.seatId(), "SOLD", null));
    }

    @EventHandler
    void on(SeatReleased released, TrackingToken token, ReplayStatus replay) {
        jdbc.update("DELETE FROM seat_state WHERE event_id = ? AND seat_id = ? AND reservation_id = ? AND status = 'HELD'",
                released.eventId(), released.seatId(), released.reservationId());
        announce(replay, new SeatChange(released.eventId(), position(token), released.seatId(), "AVAILABLE", null));
    }

    /** Live subscribers hear of a change once it is committed, and never again when the projection is rebuilt. */
    private void announce(ReplayStatus replay, SeatChange change) {
        if (replay.isReplay()) {
            return;
        }
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().afterCommit(unitOfWork -> seatUpdates.publish(change));
        } else {
            seatUpdates.publish(change);
        }
    }

    private static long position(TrackingToken token) {
        return token.position().orElse(0L);
    }
}
