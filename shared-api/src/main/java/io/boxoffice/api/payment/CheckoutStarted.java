package io.boxoffice.api.payment;

import io.boxoffice.api.common.Money;

public record CheckoutStarted(String reservationId, String paymentId, Money amount) {
}
