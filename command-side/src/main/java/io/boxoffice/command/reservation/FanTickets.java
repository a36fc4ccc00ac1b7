package io.boxoffice.command.reservation;

import io.boxoffice.api.reservation.FanTicketsBought;
import io.boxoffice.api.reservation.FanTicketsHeld;
import io.boxoffice.api.reservation.FanTicketsReleased;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The seats one fan holds or owns in one event: what enforces the event's {@code maxTicketsPerFan}. It handles no
 * command of its own: it changes in the unit of work that places, pays or ends a reservation, so two concurrent
 * requests of one fan collide on its event stream and the second sees the first's seats (the same optimistic
 * concurrency that guards each Seat).
 * <p>
 * Like a Seat, it treats a hold past its end as no longer counting, without waiting for the release to be
 * written: a crash never leaves a fan unable to buy.
 */
@Aggregate(repository = "fanTicketsRepository")
public class FanTickets {

    @AggregateIdentifier
    private String fanTicketsId;
    private String eventId;
    private String userId;
    private final Map<String, Counted> byReservation = new HashMap<>();

    public FanTickets() {
        // a fan without reservations in the event: created by their first hold
    }

    /** Deterministic per fan and event, of a fixed length whatever the user id. */
    public static String idOf(String eventId, String userId) {
        return "fan-tickets/" + UUID.nameUUIDFromBytes((eventId + "\n" + userId).getBytes(StandardCharsets.UTF_8));
    }

    /** Counts a new hold of {@code seats} seats, or refuses it over the event's limit. */
    void hold(String eventId, String userId, String reservationId, int seats, Instant heldUntil,
              int maxTicketsPerFan, Instant now) {
        if (byReservation.containsKey(reservationId)) {
            return; // this reservation is counted already
        }
        int counted = byReservation.values().stream().filter(held -> held.countAt(now))
                .mapToInt(Counted::seats).sum();
        if (counted + seats > maxTicketsPerFan) {
            throw new TicketLimitReachedException(eventId, maxTicketsPerFan, counted);
        }
        apply(new FanTicketsHeld(eventId, userId, reservationId, seats, heldUntil));
    }

    /** The reservation was paid: its seats count for good. */
    void buy(String reservationId) {
        Counted counted = byReservation.get(reservationId);
        if (counted != null && !counted.bought()) {
            apply(new FanTicketsBought(eventId, userId, reservationId));
        }
    }

    /** The reservation ended unpaid before its hold did: its seats no longer count. */
    void release(String reservationId) {
        Counted counted = byReservation.get(reservationId);
        if (counted != null && !counted.bought()) {
            apply(new FanTicketsReleased(eventId, userId, reservationId));
        }
    }

    @EventSourcingHandler
    void on(FanTicketsHeld event) {
        fanTicketsId = idOf(event.eventId(), event.userId());
        eventId = event.eventId();
        userId = event.userId();
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
