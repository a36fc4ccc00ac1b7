package io.boxoffice.saga.payment;

import io.boxoffice.api.common.Money;

import java.time.Instant;

/**
 * The port to a payment gateway. Every operation is idempotent, because the saga that calls it may call again
 * after a crash. Outcomes come back asynchronously, as signed webhooks.
 */
public interface PaymentGateway {

    /**
     * Opens a payment of exactly {@code amount} that can be made until {@code payBy} (the end of the hold; gateways'
     * checkout sessions take such an expiry); while one is open for the reservation, returns that one.
     */
    GatewayPayment createPayment(String reservationId, Money amount, Instant payBy);

    /** Closes an open payment so that it can no longer be paid. */
    void voidPayment(String paymentId);

    /** Gives the money of a succeeded payment back; the gateway confirms with a {@code refund.succeeded} webhook. */
    void refund(String paymentId, Money amount);

    record GatewayPayment(String paymentId, String checkoutUrl) {
    }
}
