package io.boxoffice.command.ticket;

import io.boxoffice.api.reservation.Ticket;
import io.boxoffice.api.ticket.IssueTicketCodes;
import io.boxoffice.command.signing.SignedFacts;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/**
 * The code a ticket's QR code carries: the ticket's facts and an HMAC-SHA256 over them with a key from
 * configuration ({@code boxoffice.tickets.signing-secret}). A scanner at the door checks it without asking the
 * database; a forged or altered code fails the check. The same key signs on every node and after every restart,
 * so a code once issued verifies for good. The fans' reservation view asks for the codes it shows
 * ({@link IssueTicketCodes}): the key stays with the side that checks them.
 * <p>
 * Format: {@code BO1.<base64url(ticketId|eventId|seatId|holder)>.<base64url(hmac)>}.
 */
@Component
public class TicketCodes {

    private final SignedFacts codes;

    public TicketCodes(TicketProperties settings) {
        this.codes = new SignedFacts(settings.signingSecret(), "BO1");
    }

    public String sign(Ticket ticket) {
        return codes.sign(ticket.ticketId(), ticket.eventId(), ticket.seatId(), ticket.holder());
    }

    /** The ticket a code stands for, if the code is intact and was signed with this key. */
    public Optional<Ticket> verify(String code) {
        return codes.verify(code, 4).map(facts -> new Ticket(facts.get(0), facts.get(1), facts.get(2), facts.get(3)));
    }

    @QueryHandler
    public List<String> handle(IssueTicketCodes query) {
        return query.tickets().stream().map(this::sign).toList();
    }
}
