package io.boxoffice.command.ticket;

import io.boxoffice.api.command.Refusal;
import io.boxoffice.api.ticket.TicketCheckedIn;
import io.boxoffice.command.refusal.CommandRefusedException;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The ticket was used before: when, at which gate and by which scanner. */
public class AlreadyCheckedInException extends CommandRefusedException {

    private final TicketCheckedIn first;

    public AlreadyCheckedInException(TicketCheckedIn first) {
        super(Refusal.Reason.ALREADY_CHECKED_IN, "ticket " + first.ticketId() + " was checked in at "
                + first.checkedInAt() + (first.gate() == null ? "" : " at gate " + first.gate()));
        this.first = first;
    }

    @Override
    public Refusal refusal() {
        Map<String, Object> facts = new HashMap<>();
        facts.put("checkedInAt", first.checkedInAt().toString());
        if (first.gate() != null) {
            facts.put("gate", first.gate());
        }
        return new Refusal(Refusal.Reason.ALREADY_CHECKED_IN, getMessage(), List.of(), facts);
    }
}
