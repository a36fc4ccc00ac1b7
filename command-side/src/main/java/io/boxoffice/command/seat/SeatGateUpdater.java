package io.boxoffice.command.seat;

import io.boxoffice.api.seat.SeatReleased;
import io.boxoffice.api.seat.SeatSold;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Keeps the gate in step with the seats, whatever released or sold them (a cancellation, a deadline, a webhook):
 * a released seat is reservable at once, a sold one is refused in Redis for good. Subscribing, so it runs on the
 * node that made the change, without a tracking token; a Redis failure here never fails the change (I5).
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
    void on(SeatReleased released) {
        gate.release(released.eventId(), List.of(released.seatId()), released.reservationId());
    }

    @EventHandler
    void on(SeatSold sold) {
        gate.sold(sold.eventId(), sold.seatId(), sold.reservationId());
    }
}
