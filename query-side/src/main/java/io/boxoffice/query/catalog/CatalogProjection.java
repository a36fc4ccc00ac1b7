package io.boxoffice.query.catalog;

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
import io.boxoffice.query.seatupdates.SeatChange;
import io.boxoffice.query.seatupdates.SeatUpdateHub;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ReplayStatus;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Keeps one generation of the catalog tables (see {@link CatalogTables}); while its generation serves, it also
 * announces seat changes to live subscribers. Events of one seat arrive in order (sequencing per aggregate); nothing
 * depends on the order across aggregates.
 */
public class CatalogProjection {

    private final CatalogTables tables;
    private final SeatUpdateHub seatUpdates;
    private final BooleanSupplier serving;
    private final Runnable emptyTables;
    /** The batch's resource that collects this generation's changes until the batch commits. */
    private final String announcements = CatalogProjection.class.getName() + ".announcements@"
            + System.identityHashCode(this);

    /**
     * @param serving     whether this generation is the one readers see now
     * @param emptyTables what a reset does before the replay from the first event
     */
    public CatalogProjection(CatalogTables tables, SeatUpdateHub seatUpdates, BooleanSupplier serving,
                             Runnable emptyTables) {
        this.tables = tables;
        this.seatUpdates = seatUpdates;
        this.serving = serving;
        this.emptyTables = emptyTables;
    }

    @ResetHandler
    void reset() {
        emptyTables.run();
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
    void on(EventChanged event) {
        tables.eventChanged(event);
    }

    @EventHandler
    void on(SalesStateChanged event) {
        tables.salesStateChanged(event);
    }

    @EventHandler
    void on(AccessibleSeatsReleased event) {
        tables.accessibleSeatsReleased(event);
    }

    @EventHandler
    void on(SeatWithheld withheld, TrackingToken token, ReplayStatus replay) {
        tables.seatWithheld(withheld);
        announce(replay, new SeatChange(withheld.eventId(), position(token), withheld.seatId(), "HOUSE", null));
    }

    @EventHandler
    void on(SeatReturnedToSale returned, TrackingToken token, ReplayStatus replay) {
        tables.seatReturnedToSale(returned);
        announce(replay, new SeatChange(returned.eventId(), position(token), returned.seatId(), "AVAILABLE", null));
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

    /**
     * Live subscribers hear of a change once it is committed, and never again when the projection replays. A batch's
     * changes go out together once the batch commits: one message to the other nodes, not one per seat.
     */
    private void announce(ReplayStatus replay, SeatChange change) {
        if (replay.isReplay() || !serving.getAsBoolean()) {
            return;
        }
        if (!CurrentUnitOfWork.isStarted()) {
            seatUpdates.publish(List.of(change));
            return;
        }
        UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
        batch.getOrComputeResource(announcements, key -> {
            List<SeatChange> changes = new ArrayList<>();
            batch.afterCommit(committed -> seatUpdates.publish(changes));
            return changes;
        }).add(change);
    }

    private static long position(TrackingToken token) {
        return token.position().orElse(0L);
    }
}
