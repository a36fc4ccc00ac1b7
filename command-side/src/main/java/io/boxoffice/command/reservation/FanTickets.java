package io.boxoffice.command.reservation;

import io.boxoffice.api.reservation.FanTicketsBought;
import io.boxoffice.api.reservation.FanTicketsHeld;
import io.boxoffice.api.reservation.FanTicketsReleased;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The seats one fan holds or owns in one event: what enforces the event's {@code maxTicketsPerFan}. It changes in
 * the unit of work that places, pays or ends a reservation, so two concurrent requests of one fan collide on its
 * event stream and the second sees the first's seats (the same optimistic concurrency that guards each Seat).
 * <p>
 * Like a Seat, it treats a hold past its end as no longer counting, without waiting for the release to be
 * written: a crash never leaves a fan unable to buy.
 */
@Aggregate(repository = "fanTicketsRepository")
public class FanTickets {

    @AggregateIdentifier
    private String fanTicketsId;
    private final Map<String, Counted> byReservation = new HashMap<>();

    public FanTickets() {
        // a fan without reservations in the event: created by their first hold
    }

    /** Deterministic per fan and event, of a fixed length whatever the user id. */
    public static String idOf(String eventId, String userId) {
        return "fan-tickets/" + UUID.nameUUIDFromBytes((eventId + "\n" + userId).getBytes(StandardCharsets.UTF_8));
    }

    record Hold(@TargetAggregateIdentifier String fanTicketsId, String eventId, String userId, String reservationId,
                int seats, Instant heldUntil, int maxTicketsPerFan) {
    }

    record Buy(@TargetAggregateIdentifier String fanTicketsId, String eventId, String userId, String reservationId) {
    }

    record Release(@TargetAggregateIdentifier String fanTicketsId, String eventId, String userId,
                   String reservationId) {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(Hold command, Clock clock) {
        if (byReservation.containsKey(command.reservationId())) {
            return; // this reservation is counted already
        }
        Instant now = clock.instant();
        int counted = byReservation.values().stream().filter(seats -> seats.countAt(now))
                .mapToInt(Counted::seats).sum();
        if (counted + command.seats() > command.maxTicketsPerFan()) {
            throw new TicketLimitReachedException(command.eventId(), command.maxTicketsPerFan(), counted);
        }
        apply(new FanTicketsHeld(command.eventId(), command.userId(), command.reservationId(), command.seats(),
                command.heldUntil()));
    }

    @CommandHandler
    void handle(Buy command) {
        Counted counted = byReservation.get(command.reservationId());
        if (counted != null && !counted.bought()) {
            apply(new FanTicketsBought(command.eventId(), command.userId(), command.reservationId()));
        }
    }

    @CommandHandler
    void handle(Release command) {
        Counted counted = byReservation.get(command.reservationId());
        if (counted != null && !counted.bought()) {
            apply(new FanTicketsReleased(command.eventId(), command.userId(), command.reservationId()));
        }
    }

    @EventSourcingHandler
    void on(FanTicketsHeld event) {
        fanTicketsId = idOf(event.eventId(), event.userId());
        byReservation.put(event.reservationId(), new Counted(event.seats(), event.heldUntil(), false));
    }

    @EventSourcingHandler
    void on(FanTicketsBought event) {
        byReservation.computeIfPresent(event.reservationId(), (id, seats) -> seats.paid());
    }

    @EventSourcingHandler
    void on(FanTicketsReleased event) {
        byReservation.remove(event.reservationId());
    }

    /** One reservation's seats: they count while held, and for good once bought. */
    private record Counted(int seats, Instant heldUntil, boolean bought) {

        boolean countAt(Instant instant) {
            return bought || instant.isBefore(heldUntil);
        }

        Counted paid() {
            return new Counted(seats, heldUntil, true);
        }
    }
}
