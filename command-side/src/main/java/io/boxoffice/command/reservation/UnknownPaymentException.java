package io.boxoffice.command.reservation;

import io.boxoffice.api.command.Refusal;
import io.boxoffice.command.refusal.CommandRefusedException;

/**
 * A gateway reported a payment that this reservation's checkout did not open: it belongs to another reservation, or
 * to none. Refused, nothing recorded, so that no payment can sell or refund someone else's seats.
 */
public class UnknownPaymentException extends CommandRefusedException {

    public UnknownPaymentException(String reservationId, String paymentId) {
        super(Refusal.Reason.UNKNOWN_PAYMENT,
                "payment " + paymentId + " was not opened for reservation " + reservationId);
    }
}
