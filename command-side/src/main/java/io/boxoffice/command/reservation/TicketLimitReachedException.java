package io.boxoffice.command.reservation;

/** The fan would hold or own more seats of the event than its {@code maxTicketsPerFan}. */
public class TicketLimitReachedException extends RuntimeException {

    private final int maxTicketsPerFan;
    private final int ticketsHeldOrOwned;

    public TicketLimitReachedException(String eventId, int maxTicketsPerFan, int ticketsHeldOrOwned) {
        super("event " + eventId + " allows " + maxTicketsPerFan + " tickets per fan; you hold or own "
                + ticketsHeldOrOwned);
        this.maxTicketsPerFan = maxTicketsPerFan;
        this.ticketsHeldOrOwned = ticketsHeldOrOwned;
    }

    public int maxTicketsPerFan() {
        return maxTicketsPerFan;
    }

    public int ticketsHeldOrOwned() {
        return ticketsHeldOrOwned;
    }
}
