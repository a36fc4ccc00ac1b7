package io.boxoffice.api.payment;

import io.boxoffice.api.common.Money;

public record PaymentRefunded(String reservationId, String paymentId, String gatewayEventId, Money amount) {
}
