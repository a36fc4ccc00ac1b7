package io.boxoffice.command.reservation;

import io.boxoffice.api.command.Refusal;
import io.boxoffice.command.refusal.CommandRefusedException;

import java.util.List;
import java.util.Map;

/** The fan would hold or own more seats of the event than its {@code maxTicketsPerFan}. */
public class TicketLimitReachedException extends CommandRefusedException {

    private final int maxTicketsPerFan;
    private final int ticketsHeldOrOwned;

    public TicketLimitReachedException(String eventId, int maxTicketsPerFan, int ticketsHeldOrOwned) {
        super(Refusal.Reason.TICKET_LIMIT_REACHED, "event " + eventId + " allows " + maxTicketsPerFan
                + " tickets per fan; you hold or own " + ticketsHeldOrOwned);
        this.maxTicketsPerFan = maxTicketsPerFan;
        this.ticketsHeldOrOwned = ticketsHeldOrOwned;
    }

    @Override
    public Refusal refusal() {
        return new Refusal(Refusal.Reason.TICKET_LIMIT_REACHED, getMessage(), List.of(), Map.of(
                "maxTicketsPerFan", maxTicketsPerFan, "ticketsHeldOrOwned", ticketsHeldOrOwned));
    }
}
