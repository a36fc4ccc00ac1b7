package io.boxoffice.api.reservation;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** One seat, sold: what the ticket's signed code (and QR code) carries. */
public record Ticket(String ticketId, String eventId, String seatId, String holder) {

    /** Stable per seat of a reservation, so a replay issues the very same tickets. */
    public static String idOf(String reservationId, String seatId) {
        return UUID.nameUUIDFromBytes((reservationId + "/" + seatId).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
