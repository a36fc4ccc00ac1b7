package io.boxoffice.command.reservation;

import io.boxoffice.api.common.Money;

/** A payment for another amount than the reservation's: refused, nothing recorded. */
public class PaymentMismatchException extends RuntimeException {

    public PaymentMismatchException(String reservationId, Money expected, Money paid) {
        super("reservation " + reservationId + " costs " + expected.amount() + " " + expected.currency()
                + ", not " + paid.amount() + " " + paid.currency());
    }
}
