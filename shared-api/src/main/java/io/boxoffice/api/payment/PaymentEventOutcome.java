package io.boxoffice.api.payment;

public enum PaymentEventOutcome {
    /** Paid in time: the seats are sold and the tickets issued. */
    CONFIRMED,
    /** Paid after the hold ended (or for a reservation no longer payable): the payment is to be refunded. */
    REFUND_DUE,
    /** The gateway declined the payment: the seats are released. */
    FAILED,
    /** A refund went through. */
    REFUNDED,
    /** Seen before, or nothing left to change: no effect. */
    NO_EFFECT
}
