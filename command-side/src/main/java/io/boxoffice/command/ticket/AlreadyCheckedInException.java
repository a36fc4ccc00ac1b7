package io.boxoffice.command.ticket;

import io.boxoffice.api.ticket.TicketCheckedIn;

/** The ticket was used before: when, at which gate and by which scanner. */
public class AlreadyCheckedInException extends RuntimeException {

    private final TicketCheckedIn first;

    public AlreadyCheckedInException(TicketCheckedIn first) {
        super("ticket " + first.ticketId() + " was checked in at " + first.checkedInAt()
                + (first.gate() == null ? "" : " at gate " + first.gate()));
        this.first = first;
    }

    public TicketCheckedIn first() {
        return first;
    }
}
