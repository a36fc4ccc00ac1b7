package io.boxoffice.api.reservation;

import io.boxoffice.api.common.Money;

import java.time.Instant;
import java.util.List;

/** A reservation as it was placed, known to the command side from the moment its fan is told. */
public record PlacedReservation(String reservationId, String eventId, String userId, List<String> seatIds,
                                Instant heldUntil, Money amount) {

    /** What the fan was answered when it was placed. */
    public ReservationView asHeld() {
        return new ReservationView(reservationId, eventId, userId, seatIds, ReservationStatus.HELD, heldUntil, amount,
                List.of(), List.of(), null);
    }
}
