package io.boxoffice.command.reservation;

import io.boxoffice.api.reservation.PlaceReservation;
import io.boxoffice.api.reservation.ReservationCancelled;
import io.boxoffice.api.reservation.ReservationPlaced;
import io.boxoffice.api.reservation.ReservationStatus;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.List;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A fan's reservation of 1..N seats of one event. Its commands are handled by {@link ReservationCommandHandler},
 * which changes the reservation and its seats in one unit of work, so they commit together or not at all.
 */
@Aggregate
public class Reservation {

    @AggregateIdentifier
    private String reservationId;
    private String eventId;
    private String userId;
    private List<String> seatIds;
    private ReservationStatus status;

    protected Reservation() {
        // for Axon
    }

    Reservation(PlaceReservation command) {
        apply(new ReservationPlaced(command.reservationId(), command.eventId(), command.userId(),
                command.seatIds(), command.amount(), command.heldUntil()));
    }

    /** Cancels the reservation for its owner; cancelling twice has no second effect. */
    Cancellation cancel(String requestedBy) {
        if (!userId.equals(requestedBy)) {
            throw new ReservationNotFoundException(reservationId);
        }
        if (status == ReservationStatus.HELD) {
            apply(new ReservationCancelled(reservationId, eventId, seatIds));
        } else if (status != ReservationStatus.CANCELLED) {
            throw new ReservationNotCancellableException(reservationId, status);
        }
        return new Cancellation(eventId, seatIds);
    }

    /** What a cancellation releases. */
    record Cancellation(String eventId, List<String> seatIds) {
    }

    @EventSourcingHandler
    void on(ReservationPlaced event) {
        reservationId = event.reservationId();
        eventId = event.eventId();
        userId = event.userId();
        seatIds = event.seatIds();
        status = ReservationStatus.HELD;
    }

    @EventSourcingHandler
    void on(ReservationCancelled event) {
        status = ReservationStatus.CANCELLED;
    }
}
