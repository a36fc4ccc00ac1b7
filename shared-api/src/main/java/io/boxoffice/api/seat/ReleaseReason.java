package io.boxoffice.api.seat;

public enum ReleaseReason {
    /** The hold reached its {@code heldUntil} unpaid. */
    EXPIRED,
    /** The fan cancelled the reservation. */
    CANCELLED,
    /** The payment gateway declined the payment (until declines kept the hold for the fan to pay again). */
    PAYMENT_FAILED
}
