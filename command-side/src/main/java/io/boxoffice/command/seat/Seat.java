package io.boxoffice.command.seat;

import io.boxoffice.api.seat.ConfirmSeat;
import io.boxoffice.api.seat.ReleaseReason;
import io.boxoffice.api.seat.ReleaseSeat;
import io.boxoffice.api.seat.ReserveSeat;
import io.boxoffice.api.seat.SeatHeld;
import io.boxoffice.api.seat.SeatKey;
import io.boxoffice.api.seat.SeatReleased;
import io.boxoffice.api.seat.SeatSold;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Clock;
import java.time.Instant;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One seat of one event: the only place that decides who holds or owns it (I1, I2).
 * <p>
 * A seat that was never held has no events at all, so creating an event of 80,000 seats costs nothing here;
 * the first {@link ReserveSeat} creates the aggregate. A hold past its {@code heldUntil} counts as ended even
 * before anyone writes its release, which is what keeps a seat sellable whatever crashed in between (I3).
 */
@Aggregate(repository = "seatRepository")
public class Seat {

    @AggregateIdentifier
    private String seatKey;
    private String eventId;
    private String seatId;
    private Hold hold;
    private String soldTo;

    public Seat() {
        // an unreserved seat: created on its first reservation
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(ReserveSeat command, Clock clock) {
        Instant now = clock.instant();
        if (soldTo != null) {
            throw SeatTakenException.sold(command.seatId());
        }
        if (hold != null && hold.isLiveAt(now)) {
            if (hold.reservationId().equals(command.reservationId())) {
                return; // this reservation already holds the seat
            }
            throw SeatTakenException.held(command.seatId(), hold.heldUntil());
        }
        if (hold != null) {
            // Written only now, but the hold ended at heldUntil: the history shows when it was noticed.
            apply(new SeatReleased(eventId, seatId, hold.reservationId(), ReleaseReason.EXPIRED));
        }
        apply(new SeatHeld(command.eventId(), command.seatId(), command.reservationId(), command.userId(),
                command.heldUntil()));
    }

    @CommandHandler
    public void handle(ConfirmSeat command, Clock clock) {
        if (command.reservationId().equals(soldTo)) {
            return; // confirmed before: a retried confirmation has no second effect
        }
        if (hold == null || !hold.reservationId().equals(command.reservationId())) {
            throw new SeatNotHeldException(command.seatId(), command.reservationId());
        }
        if (!hold.isLiveAt(clock.instant())) {
            throw new HoldEndedException(command.seatId(), command.reservationId(), hold.heldUntil());
        }
        apply(new SeatSold(eventId, seatId, command.reservationId(), hold.userId()));
    }

    @CommandHandler
    public void handle(ReleaseSeat command) {
        if (hold != null && hold.reservationId().equals(command.reservationId())) {
            apply(new SeatReleased(eventId, seatId, command.reservationId(), command.reason()));
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
