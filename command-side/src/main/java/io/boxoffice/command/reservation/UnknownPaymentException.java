package io.boxoffice.command.reservation;

/**
 * A gateway reported a payment that this reservation's checkout did not open: it belongs to another reservation, or
 * to none. Refused, nothing recorded, so that no payment can sell or refund someone else's seats.
 */
public class UnknownPaymentException extends RuntimeException {

    public UnknownPaymentException(String reservationId, String paymentId) {
        super("payment " + paymentId + " was not opened for reservation " + reservationId);
    }
}
