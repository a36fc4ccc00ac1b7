package io.boxoffice.api.reservation;

public enum ReservationStatus {
    HELD, CONFIRMED, EXPIRED, CANCELLED, PAYMENT_FAILED
}
