package io.boxoffice.api.seat;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Turns the live hold of {@code reservationId} into a sale. */
public record ConfirmSeat(String eventId, String seatId, String reservationId) {

    @TargetAggregateIdentifier
    public String seatKey() {
        return SeatKey.of(eventId, seatId);
    }
}
