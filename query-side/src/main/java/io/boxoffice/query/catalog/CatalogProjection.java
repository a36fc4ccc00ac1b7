package io.boxoffice.query.catalog;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.boxoffice.api.catalog.EventCreated;
import io.boxoffice.api.catalog.VenueCreated;
import io.boxoffice.api.seat.SeatHeld;
import io.boxoffice.api.seat.SeatReleased;
import io.boxoffice.api.seat.SeatSold;
import io.boxoffice.query.seatupdates.SeatChange;
import io.boxoffice.query.seatupdates.SeatUpdateHub;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ReplayStatus;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.stereotype.Component;

/**
 * Keeps the live catalog tables (see {@link CatalogTables}) and announces seat changes to live subscribers.
 * Events of one seat arrive in order (sequencing per aggregate); nothing depends on the order across aggregates.
 */
@Component
@ProcessingGroup(CatalogProjection.PROCESSING_GROUP)
public class CatalogProjection {

    public static final String PROCESSING_GROUP = "catalog";

    private final CatalogTables tables;
    private final SeatUpdateHub seatUpdates;

    public CatalogProjection(JdbcTemplate jdbc, ObjectMapper json, SeatUpdateHub seatUpdates,
                             PlatformTransactionManager transactions) {
        this.tables = new CatalogTables(jdbc, json, "", transactions);
        this.seatUpdates = seatUpdates;
    }

    @EventHandler
    void on(VenueCreated venue) {
        tables.venueCreated(venue);
    }

    @EventHandler
    void on(EventCreated event) {
        tables.eventCreated(event);
    }

    @EventHandler
    void on(SeatHeld held, TrackingToken token, ReplayStatus replay) {
        tables.seatHeld(held);
        announce(replay, new SeatChange(held.eventId(), position(token), held.seatId(), "HELD",
                held.heldUntil().toString()));
    }

    @EventHandler
    void on(SeatSold sold, TrackingToken token, ReplayStatus replay) {
        tables.seatSold(sold);
        announce(replay, new SeatChange(sold.eventId(), position(token), sold.seatId(), "SOLD", null));
    }

    @EventHandler
    void on(SeatReleased released, TrackingToken token, ReplayStatus replay) {
        tables.seatReleased(released);
        announce(replay, new SeatChange(released.eventId(), position(token), released.seatId(), "AVAILABLE", null));
    }

    /** Live subscribers hear of a change once it is committed, and never again when the projection replays. */
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
