package io.boxoffice.api.payment;

import io.boxoffice.api.common.Money;

/** Money arrived for a reservation that can no longer be sold: it is refunded, never honoured with seats (I4). */
public record LatePaymentReceived(String reservationId, String paymentId, String gatewayEventId, Money amount) {
}
