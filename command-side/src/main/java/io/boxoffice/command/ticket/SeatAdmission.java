package io.boxoffice.command.ticket;

import io.boxoffice.api.ticket.CheckInTicket;
import io.boxoffice.api.ticket.TicketCheckedIn;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Clock;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The door of one seat of one event: its ticket admits once. Two scanners reading the same code at the same instant
 * collide on this aggregate's event stream; one admits, the other is told when and where it was used.
 */
@Aggregate
public class SeatAdmission {

    @AggregateIdentifier
    private String admissionId;
    private TicketCheckedIn first;

    public SeatAdmission() {
        // a seat nobody has entered by yet: created by the first check-in
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    TicketCheckedIn handle(CheckInTicket command, Clock clock) {
        if (first != null) {
            throw new AlreadyCheckedInException(first);
        }
        TicketCheckedIn checkedIn = new TicketCheckedIn(command.eventId(), command.seatId(), command.ticketId(),
                command.holder(), clock.instant(), command.gate(), command.scannedBy());
        apply(checkedIn);
        return checkedIn;
    }

    @EventSourcingHandler
    void on(TicketCheckedIn event) {
        admissionId = CheckInTicket.admissionIdOf(event.eventId(), event.seatId());
        first = event;
    }
}
