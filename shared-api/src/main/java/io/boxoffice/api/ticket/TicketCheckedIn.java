package io.boxoffice.api.ticket;

import java.time.Instant;

/** A ticket admitted its holder at the door: the first and only time it does. */
public record TicketCheckedIn(String eventId, String seatId, String ticketId, String holder, Instant checkedInAt,
                              String gate, String scannedBy) {
}
