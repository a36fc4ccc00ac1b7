package io.boxoffice.api.ticket;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A door scanner read a ticket's valid code; {@code gate} says where, {@code scannedBy} who scanned. */
public record CheckInTicket(@TargetAggregateIdentifier String admissionId, String eventId, String seatId,
                            String ticketId, String holder, String gate, String scannedBy) {

    /** One admission per seat of an event: a seat is sold once (I1), so its ticket admits once. */
    public static String admissionIdOf(String eventId, String seatId) {
        return eventId + "/" + seatId + "/admission";
    }
}
