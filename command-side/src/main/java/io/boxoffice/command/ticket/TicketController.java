package io.boxoffice.command.ticket;

import io.boxoffice.api.problem.Problem;
import io.boxoffice.api.reservation.Ticket;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/tickets/verify?code=…}: what a door scanner asks; answered from the code's signature alone. */
@RestController
public class TicketController {

    private final TicketCodes codes;

    public TicketController(TicketCodes codes) {
        this.codes = codes;
    }

    public record VerifiedTicket(boolean valid, String ticketId, String eventId, String seatId, String holder) {
    }

    @GetMapping("/api/tickets/verify")
    public VerifiedTicket verify(@RequestParam String code) {
        Ticket ticket = codes.verify(code).orElseThrow(() -> Problem.of(HttpStatus.BAD_REQUEST.value(),
                "invalid-ticket-code", "Invalid ticket code",
                "This ticket code was not issued by Boxoffice, or it was altered").refused());
        return new VerifiedTicket(true, ticket.ticketId(), ticket.eventId(), ticket.seatId(), ticket.holder());
    }
}
