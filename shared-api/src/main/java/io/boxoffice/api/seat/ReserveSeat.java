package io.boxoffice.api.seat;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

public record ReserveSeat(String eventId, String seatId, String reservationId, String userId, Instant heldUntil) {

    @TargetAggregateIdentifier
    public String seatKey() {
        return SeatKey.of(eventId, seatId);
    }
}
