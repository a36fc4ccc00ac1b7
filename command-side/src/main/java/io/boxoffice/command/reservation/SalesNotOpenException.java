package io.boxoffice.command.reservation;

import java.time.Instant;

public class SalesNotOpenException extends RuntimeException {

    private final Instant salesStartAt;

    public SalesNotOpenException(String eventId, Instant salesStartAt) {
        super("sales for event " + eventId + " open at " + salesStartAt);
        this.salesStartAt = salesStartAt;
    }

    public Instant salesStartAt() {
        return salesStartAt;
    }
}
