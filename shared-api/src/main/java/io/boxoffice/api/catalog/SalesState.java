package io.boxoffice.api.catalog;

import java.time.Instant;

/**
 * Where an event's sales stand. {@code SCHEDULED} sales open by themselves at the event's {@code salesStartAt}, or
 * earlier when the organizer opens them; {@code PAUSED} ones wait for the organizer to resume them; {@code CLOSED} is
 * final.
 */
public enum SalesState {
    SCHEDULED, OPEN, PAUSED, CLOSED;

    /** The state at {@code now}: scheduled sales whose opening time has come are open, without anyone writing it. */
    public SalesState at(Instant salesStartAt, Instant now) {
        return this == SCHEDULED && (salesStartAt == null || !now.isBefore(salesStartAt)) ? OPEN : this;
    }
}
