package io.boxoffice.api.reservation;

import io.boxoffice.api.common.Money;

import java.util.List;

/** Paid in time: every seat is sold to this reservation and one ticket per seat is issued. */
public record ReservationConfirmed(String reservationId, String eventId, String userId, String paymentId,
                                   String gatewayEventId, Money amount, List<Ticket> tickets) {
}
