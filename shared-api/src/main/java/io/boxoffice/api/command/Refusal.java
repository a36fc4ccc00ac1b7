package io.boxoffice.api.command;

import org.axonframework.commandhandling.CommandExecutionException;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Why a command was refused, as the details of the {@link CommandExecutionException} its dispatcher receives. Axon
 * Server and every distributed command bus serialize an exception's details but not its class, so this is all a
 * caller may rely on, and the local bus reports it the same way. Plain values only: the serializer carries them
 * unchanged.
 *
 * @param takenSeats the seats that refused a hold (for {@link Reason#SEATS_TAKEN})
 * @param facts      what else the caller may tell the fan: numbers, or strings for instants and names
 */
public record Refusal(Reason reason, String message, List<TakenSeat> takenSeats, Map<String, Object> facts) {

    public enum Reason {
        /** Some seats of a hold are held by another reservation or sold; none was held. */
        SEATS_TAKEN,
        /** The fan would hold or own more tickets of the event than it allows. */
        TICKET_LIMIT_REACHED,
        /** The command names an aggregate that does not exist, or a reservation that is not the caller's. */
        NOT_FOUND,
        RESERVATION_NOT_CANCELLABLE,
        RESERVATION_NOT_PAYABLE,
        /** A gateway reported a payment that the reservation's checkout did not open. */
        UNKNOWN_PAYMENT,
        /** A gateway reported another amount than the reservation's. */
        PAYMENT_MISMATCH,
        /** The event's sales stand where the command cannot apply (the facts' {@code salesState} says where). */
        SALES_STATE,
        /** The ticket was admitted before; the facts say when and at which gate. */
        ALREADY_CHECKED_IN,
        /** A hold ended while a payment was being recorded: retrying decides what the payment is due. */
        HOLD_ENDED,
        /** Another transaction changed one of the command's aggregates first: retrying decides. */
        CONFLICT
    }

    /** @param heldUntil when the other hold ends, or null when the seat is sold */
    public record TakenSeat(String seatId, Instant heldUntil) {
    }

    public Refusal {
        takenSeats = takenSeats == null ? List.of() : List.copyOf(takenSeats);
        facts = facts == null ? Map.of() : Map.copyOf(facts);
    }

    public static Refusal of(Reason reason, String message) {
        return new Refusal(reason, message, List.of(), Map.of());
    }

    /** The refusal a dispatch failed with, if it was one, wherever the command was handled. */
    public static Optional<Refusal> of(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof CommandExecutionException executionFailure) {
                return executionFailure.getDetails().filter(Refusal.class::isInstance).map(Refusal.class::cast);
            }
        }
        return Optional.empty();
    }

    /** Whether a dispatch failed with a refusal for this reason. */
    public static boolean refused(Throwable failure, Reason reason) {
        return of(failure).map(refusal -> refusal.is(reason)).orElse(false);
    }

    public boolean is(Reason expected) {
        return reason == expected;
    }
}
