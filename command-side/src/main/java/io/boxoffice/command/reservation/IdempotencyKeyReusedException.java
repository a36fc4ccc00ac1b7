package io.boxoffice.command.reservation;

/** The Idempotency-Key was used before by the same user for a different request. */
public class IdempotencyKeyReusedException extends RuntimeException {

    public IdempotencyKeyReusedException() {
        super("this Idempotency-Key was already used for a different reservation request");
    }
}
