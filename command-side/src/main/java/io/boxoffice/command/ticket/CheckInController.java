package io.boxoffice.command.ticket;

import io.boxoffice.api.common.TextRules;
import io.boxoffice.api.problem.Problem;
import io.boxoffice.api.reservation.Ticket;
import io.boxoffice.api.ticket.CheckInTicket;
import io.boxoffice.api.ticket.TicketCheckedIn;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.security.Principal;
import java.time.Instant;
import java.util.Map;

/**
 * {@code POST /api/tickets/check-in} (SCANNER or ADMIN): the door admits a ticket once. The code's signature is
 * checked first (a forged or altered code is a 400 and records nothing); the admission is an event in the event
 * store, so auditors see every entry. {@code GET /api/tickets/verify} stays the read-only check.
 */
@RestController
public class CheckInController {

    private final TicketCodes codes;
    private final CommandGateway commands;

    public CheckInController(TicketCodes codes, CommandGateway commands) {
        this.codes = codes;
        this.commands = commands;
    }

    /** @param gate where the door is (optional), told to whoever scans the same code later */
    public record CheckInRequest(@NotBlank @Size(max = 1000) String code, String gate) {
    }

    public record CheckedIn(String ticketId, String eventId, String seatId, Instant checkedInAt, String gate) {

        static CheckedIn of(TicketCheckedIn event) {
            return new CheckedIn(event.ticketId(), event.eventId(), event.seatId(), event.checkedInAt(),
                    event.gate());
        }
    }

    @PostMapping("/api/tickets/check-in")
    public CheckedIn checkIn(@Valid @RequestBody CheckInRequest request, Principal scanner) {
        if (request.gate() != null) {
            TextRules.problem(request.gate(), 64).ifPresent(problem -> {
                throw Problem.invalid("The gate is not a name", Map.of("gate", problem)).refused();
            });
        }
        Ticket ticket = codes.verify(request.code()).orElseThrow(() -> Problem.of(HttpStatus.BAD_REQUEST.value(),
                "invalid-ticket-code", "Invalid ticket code",
                "This ticket code was not issued by Boxoffice, or it was altered").refused());
        CheckInTicket checkIn = new CheckInTicket(CheckInTicket.admissionIdOf(ticket.eventId(), ticket.seatId()),
                ticket.eventId(), ticket.seatId(), ticket.ticketId(), ticket.holder(), request.gate(),
                scanner.getName());
        // two scanners at once: the gateway sends the loser again, and it finds the other's check-in
        return CheckedIn.of(commands.sendAndWait(checkIn));
    }
}
