package io.boxoffice.command.catalog;

import io.boxoffice.api.catalog.SalesState;
import io.boxoffice.api.command.Refusal;
import io.boxoffice.command.refusal.CommandRefusedException;

import java.util.List;
import java.util.Map;

/**
 * The event's sales stand where the request cannot apply: a fan reserving while they are paused or closed, an
 * organizer changing an event already on sale or reopening closed sales (409 {@code /problems/sales-<state>}).
 */
public class SalesStateRefusedException extends CommandRefusedException {

    private final SalesState salesState;

    public SalesStateRefusedException(String eventId, SalesState salesState, String why) {
        super(Refusal.Reason.SALES_STATE, "sales of event " + eventId + " are " + salesState.name().toLowerCase()
                + ": " + why);
        this.salesState = salesState;
    }

    public SalesState salesState() {
        return salesState;
    }

    @Override
    public Refusal refusal() {
        return new Refusal(Refusal.Reason.SALES_STATE, getMessage(), List.of(), Map.of("salesState",
                salesState.name()));
    }
}
