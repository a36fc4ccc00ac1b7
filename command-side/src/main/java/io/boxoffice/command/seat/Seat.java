package io.boxoffice.command.seat;

import io.boxoffice.api.seat.ReleaseReason;
import io.boxoffice.api.seat.SeatHeld;
import io.boxoffice.api.seat.SeatKey;
import io.boxoffice.api.seat.SeatReleased;
import io.boxoffice.api.seat.SeatReturnedToSale;
import io.boxoffice.api.seat.SeatSold;
import io.boxoffice.api.seat.SeatWithheld;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Instant;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One seat of one event: the only place that decides who holds or owns it (I1, I2).
 * <p>
 * A seat that was never held has no events at all, so creating an event of 80,000 seats costs nothing here;
 * its first hold (or its withholding) creates the aggregate. It handles no command of its own: seats change only
 * through the reservation's commands ({@code ReservationCommandHandler}), so no message on the bus can hold a seat
 * without a reservation, its deadline and its fan's allowance, and through the organizer's house seats
 * ({@link HouseSeatsCommandHandler}). A hold past its {@code heldUntil} counts as ended even before anyone writes
 * its release, which is what keeps a seat sellable whatever crashed in between (I3).
 * <p>
 * A withheld (house) seat is taken like a sold one until it is returned to sale; only a free seat can be withheld, so
 * that no fan's hold or purchase is ever taken back.
 */
@Aggregate(repository = "seatRepository")
public class Seat {

    @AggregateIdentifier
    private String seatKey;
    private String eventId;
    private String seatId;
    private Hold hold;
    private String soldTo;
    private boolean withheld;

    public Seat() {
        // an unreserved seat: created on its first reservation
    }

    /**
     * Holds the seat for {@code reservationId} until {@code heldUntil}, or refuses. Called by the reservation's
     * commands only, in the unit of work that also records the reservation: a seat is never held without one.
     */
    public void reserve(String eventId, String seatId, String reservationId, String userId, Instant heldUntil,
                        Instant now) {
        if (soldTo != null) {
            throw SeatTakenException.sold(seatId);
        }
        if (withheld) {
            throw SeatTakenException.withheld(seatId);
        }
        if (hold != null && hold.isLiveAt(now)) {
            if (hold.reservationId().equals(reservationId)) {
                return; // this reservation already holds the seat
            }
            throw SeatTakenException.held(seatId, hold.heldUntil());
        }
        releaseEndedHold();
        apply(new SeatHeld(eventId, seatId, reservationId, userId, heldUntil));
    }

    /** Keeps the seat back from sale for the organizer; refused while a fan holds or owns it. */
    public void withhold(String eventId, String seatId, Instant now) {
        if (soldTo != null) {
            throw SeatTakenException.sold(seatId);
        }
        if (withheld) {
            return; // withheld before: asking again changes nothing
        }
        if (hold != null && hold.isLiveAt(now)) {
            throw SeatTakenException.held(seatId, hold.heldUntil());
        }
        releaseEndedHold();
        apply(new SeatWithheld(eventId, seatId));
    }

    /** Puts a house seat back on sale; a seat that is not withheld stays as it is. */
    public void returnToSale() {
        if (withheld) {
            apply(new SeatReturnedToSale(eventId, seatId));
        }
    }

    /** A hold past its end, written only now: the history shows when it was noticed, and it ended at heldUntil. */
    private void releaseEndedHold() {
        if (hold != null) {
            apply(new SeatReleased(eventId, seatId, hold.reservationId(), ReleaseReason.EXPIRED));
        }
    }

    /** Turns the live hold of {@code reservationId} into a sale. */
    public void confirm(String reservationId, Instant now) {
        if (reservationId.equals(soldTo)) {
            return; // confirmed before: a retried confirmation has no second effect
        }
        if (hold == null || !hold.reservationId().equals(reservationId)) {
            throw new SeatNotHeldException(seatId, reservationId);
        }
        if (!hold.isLiveAt(now)) {
            throw new HoldEndedException(seatId, reservationId, hold.heldUntil());
        }
        apply(new SeatSold(eventId, seatId, reservationId, hold.userId()));
    }

    /** Ends the hold of {@code reservationId}, if the seat still has it; otherwise does nothing. */
    public void release(String reservationId, ReleaseReason reason) {
        if (hold != null && hold.reservationId().equals(reservationId)) {
            apply(new SeatReleased(eventId, seatId, reservationId, reason));
        }
    }

    @EventSourcingHandler
    void on(SeatHeld event) {
        seatKey = SeatKey.of(event.eventId(), event.seatId());
        eventId = event.eventId();
        seatId = event.seatId();
        hold = new Hold(event.reservationId(), event.userId(), event.heldUntil());
    }

    @EventSourcingHandler
    void on(SeatWithheld event) {
        seatKey = SeatKey.of(event.eventId(), event.seatId());
        eventId = event.eventId();
        seatId = event.seatId();
        withheld = true;
    }

    @EventSourcingHandler
    void on(SeatReturnedToSale event) {
        withheld = false;
    }

    @EventSourcingHandler
    void on(SeatSold event) {
        hold = null;
        soldTo = event.reservationId();
    }

    @EventSourcingHandler
    void on(SeatReleased event) {
        hold = null;
    }

    private record Hold(String reservationId, String userId, Instant heldUntil) {

        boolean isLiveAt(Instant instant) {
            return instant.isBefore(heldUntil);
        }
    }
}
