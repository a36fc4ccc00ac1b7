package io.boxoffice.command.reservation;

import io.boxoffice.api.command.Refusal;
import io.boxoffice.api.common.Money;
import io.boxoffice.command.refusal.CommandRefusedException;

/** A payment for another amount than the reservation's: refused, nothing recorded. */
public class PaymentMismatchException extends CommandRefusedException {

    public PaymentMismatchException(String reservationId, Money expected, Money paid) {
        super(Refusal.Reason.PAYMENT_MISMATCH, "reservation " + reservationId + " costs " + expected.amount() + " "
                + expected.currency() + ", not " + paid.amount() + " " + paid.currency());
    }
}
