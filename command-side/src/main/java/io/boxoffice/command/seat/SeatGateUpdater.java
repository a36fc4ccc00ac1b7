package io.boxoffice.command.seat;

import io.boxoffice.api.reservation.ReservationCancelled;
import io.boxoffice.api.reservation.ReservationConfirmed;
import io.boxoffice.api.reservation.ReservationExpired;
import io.boxoffice.api.reservation.ReservationPaymentFailed;
import io.boxoffice.api.reservation.Ticket;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * Keeps the gate in step with the seats, whatever released or sold them (a cancellation, a deadline, a webhook):
 * a released seat is reservable at once, a sold one is refused in Redis for good. It listens to the reservation's
 * events, which list all its seats, so that one round trip settles them all. Subscribing, so it runs on the node
 * that made the change, without a tracking token; a Redis failure here never fails the change (I5).
 */
@Component
@ProcessingGroup(SeatGateUpdater.PROCESSING_GROUP)
public class SeatGateUpdater {

    static final String PROCESSING_GROUP = "seat-gate";

    private final SeatGate gate;

    public SeatGateUpdater(SeatGate gate) {
        this.gate = gate;
    }

    @EventHandler
    void on(ReservationCancelled cancelled) {
        gate.release(cancelled.eventId(), cancelled.seatIds(), cancelled.reservationId());
    }

    @EventHandler
    void on(ReservationExpired expired) {
        gate.release(expired.eventId(), expired.seatIds(), expired.reservationId());
    }

    @EventHandler
    void on(ReservationPaymentFailed failed) {
        gate.release(failed.eventId(), failed.seatIds(), failed.reservationId());
    }

    @EventHandler
    void on(ReservationConfirmed confirmed) {
        gate.sold(confirmed.eventId(), confirmed.tickets().stream().map(Ticket::seatId).toList(),
                confirmed.reservationId());
    }
}
