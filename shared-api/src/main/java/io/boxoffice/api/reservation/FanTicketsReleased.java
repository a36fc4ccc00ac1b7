package io.boxoffice.api.reservation;

/** The reservation ended before its hold did (cancelled, payment declined): its seats no longer count. */
public record FanTicketsReleased(String eventId, String userId, String reservationId) {
}
