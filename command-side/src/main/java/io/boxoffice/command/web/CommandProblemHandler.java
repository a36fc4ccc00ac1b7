package io.boxoffice.command.web;

import io.boxoffice.api.web.Problems;
import io.boxoffice.command.reservation.AdmissionRequiredException;
import io.boxoffice.command.reservation.EventNotFoundException;
import io.boxoffice.command.reservation.IdempotencyKeyReusedException;
import io.boxoffice.command.reservation.PaymentMismatchException;
import io.boxoffice.command.reservation.ReservationNotCancellableException;
import io.boxoffice.command.reservation.ReservationNotFoundException;
import io.boxoffice.command.reservation.ReservationNotPayableException;
import io.boxoffice.command.reservation.SalesNotOpenException;
import io.boxoffice.command.reservation.ReservationRefusedException;
import io.boxoffice.command.reservation.TicketLimitReachedException;
import io.boxoffice.command.reservation.UnknownPaymentException;
import io.boxoffice.command.reservation.UnknownSeatsException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.util.Map;

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
    ProblemDetail ticketLimitReached(TicketLimitReachedException e) {
        return Problems.problem(HttpStatus.CONFLICT, "ticket-limit-reached", "Ticket limit reached",
                e.getMessage() + "; none of the requested seats was held", Map.of(
                        "maxTicketsPerFan", e.maxTicketsPerFan(), "ticketsHeldOrOwned", e.ticketsHeldOrOwned()));
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
    ProblemDetail reservationNotFound(ReservationNotFoundException e) {
        return Problems.problem(HttpStatus.NOT_FOUND, "reservation-not-found", "Reservation not found",
                e.getMessage(), Map.of());
    }

    @ExceptionHandler
    ProblemDetail notCancellable(ReservationNotCancellableException e) {
        return Problems.problem(HttpStatus.CONFLICT, "reservation-not-cancellable",
                "Reservation cannot be cancelled", e.getMessage(), Map.of());
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

    @ExceptionHandler
    ProblemDetail idempotencyKeyReused(IdempotencyKeyReusedException e) {
        return Problems.problem(HttpStatus.UNPROCESSABLE_ENTITY, "idempotency-key-reused",
                "Idempotency-Key reused", e.getMessage(), Map.of());
    }

    @ExceptionHandler
    ProblemDetail notPayable(ReservationNotPayableException e) {
        return Problems.problem(HttpStatus.CONFLICT, "reservation-not-payable", "Reservation cannot be paid",
                e.getMessage(), Map.of());
    }

    @ExceptionHandler
    ProblemDetail unknownPayment(UnknownPaymentException e) {
        return Problems.problem(HttpStatus.BAD_REQUEST, "unknown-payment", "Payment not of this reservation",
                e.getMessage(), Map.of());
    }

    @ExceptionHandler
    ProblemDetail paymentMismatch(PaymentMismatchException e) {
        return Problems.problem(HttpStatus.BAD_REQUEST, "payment-mismatch", "Payment does not match", e.getMessage(),
                Map.of());
    }
}
