package io.boxoffice.app.web;

import io.boxoffice.api.catalog.SalesState;
import io.boxoffice.api.command.Refusal;
import io.boxoffice.command.catalog.SalesStateRefusedException;
import io.boxoffice.command.refusal.DatabaseFailures;
import io.boxoffice.command.reservation.AdmissionRequiredException;
import io.boxoffice.command.reservation.EventNotFoundException;
import io.boxoffice.command.reservation.IdempotencyKeyReusedException;
import io.boxoffice.command.reservation.ReservationRefusedException;
import io.boxoffice.command.reservation.SalesNotOpenException;
import io.boxoffice.command.reservation.UnknownSeatsException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Maps the command side's refusals to problems a client can act on. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class CommandProblemHandler {

    @ExceptionHandler
    ProblemDetail seatsTaken(ReservationRefusedException e) {
        return Problems.problem(HttpStatus.CONFLICT, "seats-unavailable", "Seats unavailable",
                e.getMessage() + "; none of the requested seats was held",
                Map.of("unavailableSeatIds", e.unavailableSeatIds()));
    }

    @ExceptionHandler
    ProblemDetail unknownSeats(UnknownSeatsException e) {
        ProblemDetail problem = Problems.invalidRequest(e.getMessage(), Map.of("seatIds", "unknown seat(s)"));
        problem.setProperty("unknownSeatIds", e.seatIds());
        return problem;
    }

    @ExceptionHandler
    ProblemDetail eventNotFound(EventNotFoundException e) {
        return Problems.problem(HttpStatus.NOT_FOUND, "event-not-found", "Event not found", e.getMessage(), Map.of());
    }

    @ExceptionHandler
    ProblemDetail admissionRequired(AdmissionRequiredException e) {
        return Problems.problem(HttpStatus.FORBIDDEN, "admission-required", "Admission required", e.getMessage(),
                Map.of());
    }

    @ExceptionHandler
    ProblemDetail salesNotOpen(SalesNotOpenException e) {
        return Problems.problem(HttpStatus.FORBIDDEN, "sales-not-open", "Sales not open yet", e.getMessage(),
                Map.of("salesStartAt", e.salesStartAt().toString()));
    }

    /** A fan reserving while sales are paused or closed; an organizer's change the sales state does not allow. */
    @ExceptionHandler
    ProblemDetail salesState(SalesStateRefusedException e) {
        return salesState(e.salesState(), e.getMessage());
    }

    private static ProblemDetail salesState(SalesState state, String detail) {
        String title = switch (state) {
            case SCHEDULED -> "Sales not open yet";
            case OPEN -> "Sales have opened";
            case PAUSED -> "Sales paused";
            case CLOSED -> "Sales closed";
        };
        return Problems.problem(HttpStatus.CONFLICT, "sales-" + state.name().toLowerCase(Locale.ROOT), title, detail,
                Map.of("salesState", state.name()));
    }

    @ExceptionHandler
    ProblemDetail idempotencyKeyReused(IdempotencyKeyReusedException e) {
        return Problems.problem(HttpStatus.UNPROCESSABLE_ENTITY, "idempotency-key-reused",
                "Idempotency-Key reused", e.getMessage(), Map.of());
    }

    /**
     * A command handler's refusal, read from the exception's details alone, as it arrives from a handler on another
     * node. A database out of reach (a seat shard stopped mid-request) is a 503 to retry, answered here rather than
     * thrown on (see {@link ApiProblemHandler#dataException}); anything else is not the client's doing and is left to
     * the error page's 500.
     */
    @ExceptionHandler
    ResponseEntity<ProblemDetail> refused(CommandExecutionException e) {
        Optional<Refusal> refused = Refusal.of(e);
        if (refused.isEmpty() && DatabaseFailures.causedByUnavailableDatabase(e)) {
            return ProblemErrors.databaseUnavailable();
        }
        Refusal refusal = refused.orElseThrow(() -> e);
        ProblemDetail problem = switch (refusal.reason()) {
            case SEATS_TAKEN -> seatsTaken(new ReservationRefusedException(
                    refusal.takenSeats().stream().map(Refusal.TakenSeat::seatId).toList()));
            case TICKET_LIMIT_REACHED -> Problems.problem(HttpStatus.CONFLICT, "ticket-limit-reached",
                    "Ticket limit reached", refusal.message() + "; none of the requested seats was held",
                    refusal.facts());
            // the commands that reach a client name reservations; another fan's answers the same, leaking nothing
            case NOT_FOUND -> Problems.problem(HttpStatus.NOT_FOUND, "reservation-not-found", "Reservation not found",
                    refusal.message(), Map.of());
            case RESERVATION_NOT_CANCELLABLE -> Problems.problem(HttpStatus.CONFLICT, "reservation-not-cancellable",
                    "Reservation cannot be cancelled", refusal.message(), Map.of());
            case RESERVATION_NOT_PAYABLE -> Problems.problem(HttpStatus.CONFLICT, "reservation-not-payable",
                    "Reservation cannot be paid", refusal.message(), Map.of());
            case UNKNOWN_PAYMENT -> Problems.problem(HttpStatus.BAD_REQUEST, "unknown-payment",
                    "Payment not of this reservation", refusal.message(), Map.of());
            case PAYMENT_MISMATCH -> Problems.problem(HttpStatus.BAD_REQUEST, "payment-mismatch",
                    "Payment does not match", refusal.message(), Map.of());
            case SALES_STATE -> salesState(SalesState.valueOf((String) refusal.facts().get("salesState")),
                    refusal.message());
            case ALREADY_CHECKED_IN -> Problems.problem(HttpStatus.CONFLICT, "already-checked-in",
                    "Already checked in", refusal.message(), refusal.facts());
            case HOLD_ENDED, CONFLICT -> Problems.problem(HttpStatus.SERVICE_UNAVAILABLE, "try-again", "Try again",
                    "the reservation was busy", Map.of());
        };
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }
}
