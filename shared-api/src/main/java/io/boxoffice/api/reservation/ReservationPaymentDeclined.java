package io.boxoffice.api.reservation;

import java.time.Instant;

/**
 * The gateway declined a payment for a held reservation. The hold goes on: the fan may pay again until it ends.
 * (Declines recorded before this event existed ended the reservation: {@link ReservationPaymentFailed}.)
 */
public record ReservationPaymentDeclined(String reservationId, String eventId, String paymentId,
                                         String gatewayEventId, Instant heldUntil) {
}
