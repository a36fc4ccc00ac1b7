package io.boxoffice.command.seat;

import io.boxoffice.api.reservation.ReservationCancelled;
import io.boxoffice.api.reservation.ReservationConfirmed;
import io.boxoffice.api.reservation.ReservationExpired;
import io.boxoffice.api.reservation.Ticket;
import io.boxoffice.api.seat.SeatReturnedToSale;
import io.boxoffice.api.seat.SeatWithheld;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * Keeps the gate in step with the seats, whatever released or sold them (a cancellation, a deadline, a webhook):
 * a released seat is reservable at once, a sold one is refused in Redis for good, a house seat until it is returned
 * to sale. It listens to the reservation's
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
    void on(ReservationConfirmed confirmed) {
        gate.sold(confirmed.eventId(), confirmed.tickets().stream().map(Ticket::seatId).toList(),
                confirmed.reservationId());
    }

    @EventHandler
    void on(SeatWithheld withheld) {
        onceCommitted("withheld", withheld.eventId(), withheld.seatId(), gate::withheld);
    }

    @EventHandler
    void on(SeatReturnedToSale returned) {
        onceCommitted("returned", returned.eventId(), returned.seatId(), gate::returnedToSale);
    }

    /**
     * House seats come one event per seat: those of one command and event go to Redis together, in one round trip,
     * and only once committed, since a seat marked taken for good by a withholding that then rolled back would stay
     * refused by the gate.
     */
    private void onceCommitted(String change, String eventId, String seatId, BiConsumer<String, List<String>> apply) {
        if (!CurrentUnitOfWork.isStarted()) {
            apply.accept(eventId, List.of(seatId));
            return;
        }
        UnitOfWork<?> command = CurrentUnitOfWork.get().root();
        command.getOrComputeResource(SeatGateUpdater.class.getName() + "." + change + "@" + eventId, key -> {
            List<String> seatIds = new ArrayList<>();
            command.afterCommit(committed -> apply.accept(eventId, seatIds));
            return seatIds;
        }).add(seatId);
    }
}
