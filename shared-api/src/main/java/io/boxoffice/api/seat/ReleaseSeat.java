package io.boxoffice.api.seat;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Ends the hold of {@code reservationId}, if the seat still has it; otherwise does nothing. */
public record ReleaseSeat(String eventId, String seatId, String reservationId, ReleaseReason reason) {

    @TargetAggregateIdentifier
    public String seatKey() {
        return SeatKey.of(eventId, seatId);
    }
}
