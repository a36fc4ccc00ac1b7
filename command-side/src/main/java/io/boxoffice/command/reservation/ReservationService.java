package io.boxoffice.command.reservation;

import io.boxoffice.api.catalog.SalesState;
import io.boxoffice.api.command.Refusal;
import io.boxoffice.api.problem.Problem;
import io.boxoffice.api.reservation.CancelReservation;
import io.boxoffice.api.reservation.ChangeFanTickets;
import io.boxoffice.api.reservation.FindPlacedReservation;
import io.boxoffice.api.reservation.HoldFanTickets;
import io.boxoffice.api.reservation.PlaceReservation;
import io.boxoffice.api.reservation.PlacedReservation;
import io.boxoffice.api.reservation.ReservationPlacement;
import io.boxoffice.api.reservation.ReservationView;
import io.boxoffice.command.catalog.EventSeating;
import io.boxoffice.command.catalog.SalesStateRefusedException;
import io.boxoffice.command.catalog.SeatingCatalog;
import io.boxoffice.command.refusal.DatabaseFailures;
import io.boxoffice.command.seat.SeatGate;
import io.boxoffice.command.shard.SeatShard;
import io.boxoffice.command.shard.SeatShards;
import io.boxoffice.command.waitingroom.Admissions;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Service;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import java.util.stream.IntStream;

/**
 * The reservation path: validate against the catalog, ask the Redis gate, let the Seat aggregates decide.
 * Only requests the gate lets through reach PostgreSQL, in exactly one transaction.
 */
@Service
public class ReservationService {

    /**
     * One fan's requests take turns on this node, so a fan who sends many at once meets their own holds in
     * {@link FanTickets} instead of colliding with them; across nodes the event store's concurrency check decides.
     */
    private final Lock[] fanTurns = IntStream.range(0, 256).mapToObj(i -> new ReentrantLock()).toArray(Lock[]::new);

    private final SeatingCatalog catalog;
    private final SeatGate gate;
    private final Admissions admissions;
    private final CommandGateway commands;
    private final PlacedReservations placed;
    private final SeatShards shards;
    private final Clock clock;
    private final Duration holdDuration;
    private final int maxSeatsPerReservation;
    private final Counter held;
    private final Counter refusedByGate;
    private final Counter refusedByAggregate;
    private final Timer latency;

    public ReservationService(SeatingCatalog catalog, SeatGate gate, Admissions admissions, CommandGateway commands,
                              PlacedReservations placed, SeatShards shards, Clock clock, MeterRegistry meters,
                              ReservationProperties settings) {
        this.catalog = catalog;
        this.gate = gate;
        this.admissions = admissions;
        this.commands = commands;
        this.placed = placed;
        this.shards = shards;
        this.clock = clock;
        this.holdDuration = settings.holdDuration();
        this.maxSeatsPerReservation = settings.maxSeatsPerReservation();
        this.held = outcome(meters, "held");
        this.refusedByGate = outcome(meters, "refused_by_gate");
        this.refusedByAggregate = outcome(meters, "refused_by_aggregate");
        this.latency = Timer.builder("boxoffice.reservations.latency")
                .description("Time to answer a reservation request that reached the gate")
                .publishPercentileHistogram()
                .register(meters);
    }

    private static Counter outcome(MeterRegistry meters, String outcome) {
        return Counter.builder("boxoffice.reservations").tag("outcome", outcome)
                .description("Reservation requests by outcome").register(meters);
    }

    public int maxSeatsPerReservation() {
        return maxSeatsPerReservation;
    }

    /**
     * Holds all {@code seatIds} for {@code userId}, or none. With an idempotency key the reservation id is
     * derived from user and key, so a repeated request finds the reservation the first one made.
     */
    public ReservationView reserve(String eventId, List<String> seatIds, String userId, String idempotencyKey,
                                   String admissionToken) {
        EventSeating seating = admitted(eventId, userId, admissionToken);
        List<String> unknown = seating.unknownSeats(seatIds);
        if (!unknown.isEmpty()) {
            throw new UnknownSeatsException(unknown);
        }
        Map<String, List<String>> buckets = shards.byBucket(eventId, seatIds);
        if (buckets.size() > 1) {
            throw Problem.invalid("These seats are in different parts of the venue ("
                            + String.join(", ", buckets.keySet())
                            + "), which are sold separately: hold the seats of each part on their own",
                    Map.of("seatIds", "seats of one part of the venue only")).with("buckets", buckets).refused();
        }
        SeatShard shard = shards.available(shards.forBucket(eventId, buckets.keySet().iterator().next()));
        Lock turn = fanTurns[Math.floorMod(userId.hashCode(), fanTurns.length)];
        turn.lock();
        try {
            return reserveInTurn(seating, shard, seatIds, userId, idempotencyKey);
        } finally {
            turn.unlock();
        }
    }

    /**
     * The event's seating, once its sales are known to be open and the fan to be let in (its waiting room, if it has
     * one, admitted them).
     */
    EventSeating admitted(String eventId, String userId, String admissionToken) {
        EventSeating seating = catalog.seating(eventId).orElseThrow(() -> new EventNotFoundException(eventId));
        SalesState sales = seating.salesStateAt(clock.instant());
        if (sales == SalesState.SCHEDULED) {
            throw new SalesNotOpenException(eventId, seating.salesStartAt());
        }
        if (sales != SalesState.OPEN) {
            throw new SalesStateRefusedException(eventId, sales, "no seats can be reserved now");
        }
        if (!admissions.admits(seating, userId, admissionToken)) {
            throw new AdmissionRequiredException(eventId);
        }
        return seating;
    }

    /**
     * The reservation an earlier request of this fan with this Idempotency-Key placed in the event, if any: a repeat
     * of a request that names no seats (best available) is answered with it instead of picking again.
     */
    public Optional<ReservationView> placedWith(String eventId, String userId, String idempotencyKey) {
        String requestId = reservationIdOf(userId, idempotencyKey);
        return shards.layoutOf(eventId).shards().stream()
                .map(name -> shards.reservationId(shards.named(name), requestId))
                .map(reservationId -> placed.handle(new FindPlacedReservation(reservationId)))
                .flatMap(Optional::stream)
                .filter(earlier -> earlier.eventId().equals(eventId) && earlier.userId().equals(userId))
                .findFirst().map(PlacedReservation::asHeld);
    }

    private static String reservationIdOf(String userId, String idempotencyKey) {
        return UUID.nameUUIDFromBytes((userId + "\n" + idempotencyKey).getBytes(StandardCharsets.UTF_8)).toString();
    }

    private ReservationView reserveInTurn(EventSeating seating, SeatShard shard, List<String> seatIds, String userId,
                                          String idempotencyKey) {
        String eventId = seating.eventId();
        String reservationId = shards.reservationId(shard, idempotencyKey == null ? UUID.randomUUID().toString()
                : reservationIdOf(userId, idempotencyKey));
        Instant now = clock.instant();
        Instant heldUntil = now.plus(holdDuration).truncatedTo(ChronoUnit.MILLIS);
        PlaceReservation place = new PlaceReservation(reservationId, eventId, userId, seatIds,
                seating.priceOf(seatIds), heldUntil, seating.maxTicketsPerFan(), idempotencyKey != null);
        ReservationPlacement placement = latency.record(() -> shard.isPrimary() ? place(place)
                : onShard(shard, () -> placeWithAllowanceApart(place)));
        if (!placement.repeated()) {
            held.increment();
            admissions.heldSeats(seating, userId, seatIds.size());
        }
        return placement.reservation().asHeld();
    }

    private ReservationPlacement place(PlaceReservation place) {
        String eventId = place.eventId();
        // Nothing is read before the gate, so that a refusal never reaches PostgreSQL: a repeat of a request with the
        // same key finds the seats of its live hold its own in the gate and is answered by the command; a repeat
        // after that hold ended, or once its seats were sold, is refused like any request for taken seats.
        if (gate.tryHold(eventId, place.seatIds(), place.reservationId(), place.heldUntil())
                instanceof SeatGate.Verdict.Refused refused) {
            refusedByGate.increment();
            throw new ReservationRefusedException(refused.takenSeatIds());
        }
        try {
            return send(place);
        } catch (CommandExecutionException e) {
            Optional<Refusal> seatsTaken = Refusal.of(e).filter(refusal -> refusal.is(Refusal.Reason.SEATS_TAKEN));
            if (seatsTaken.isEmpty()) {
                gate.release(eventId, place.seatIds(), place.reservationId());
                throw e;
            }
            refusedByAggregate.increment();
            Map<String, Instant> unavailableUntil = new HashMap<>();
            seatsTaken.get().takenSeats().forEach(seat -> unavailableUntil.put(seat.seatId(), seat.heldUntil()));
            gate.settle(eventId, place.seatIds(), place.reservationId(), unavailableUntil);
            throw new ReservationRefusedException(unavailableUntil.keySet());
        } catch (RuntimeException e) {
            gate.release(eventId, place.seatIds(), place.reservationId());
            throw e;
        }
    }

    /**
     * Runs a request on a seat shard: if a shard other than the primary database turns out to be out of reach, this
     * request is answered 503 with {@code Retry-After}, and a shard that is down, not merely too busy to give a
     * connection in time, is refused without trying for a moment.
     */
    private <T> T onShard(SeatShard shard, Supplier<T> request) {
        try {
            return request.get();
        } catch (RuntimeException e) {
            if (shard.isPrimary() || !DatabaseFailures.causedByUnavailableDatabase(e)) {
                throw e;
            }
            if (DatabaseFailures.causedByUnreachableDatabase(e)) {
                shards.unreachable(shard); // down, not merely busy: its next requests are refused without trying
            }
            throw shards.unavailable(shard).refused();
        }
    }

    /**
     * A reservation on a seat shard other than the primary database, where the fan's allowance lies: the allowance
     * counts its seats first, in a transaction of its own, and lets them go if the reservation is not placed. A crash
     * in between leaves them counted until the hold would have ended: never more seats than the limit.
     */
    private ReservationPlacement placeWithAllowanceApart(PlaceReservation place) {
        commands.sendAndWait(new HoldFanTickets(place.eventId(), place.userId(), place.reservationId(),
                place.seatIds().size(), place.heldUntil(), place.maxTicketsPerFan()));
        try {
            return place(place);
        } catch (IdempotencyKeyReusedException reused) {
            throw reused; // the allowance counted the earlier reservation with this id, and still does
        } catch (RuntimeException notPlaced) {
            commands.send(new ChangeFanTickets(place.eventId(), place.userId(), place.reservationId(),
                    ChangeFanTickets.Change.RELEASED));
            throw notPlaced;
        }
    }

    /**
     * Places the reservation; a conflict (another transaction appended to one of its aggregates first: a seat's hold,
     * or a twin request on another node creating the same reservation) is retried by the gateway's policy, whose next
     * attempt finds the twin's reservation; one that remains is refused. A repeat of an earlier request (same key) is
     * answered as the first was; the gate lets go of what this one took, which the earlier hold no longer needs once
     * it ended (a fan repeating a request after cancelling must not keep its seats from others).
     */
    private ReservationPlacement send(PlaceReservation place) {
        ReservationPlacement placement;
        try {
            placement = commands.sendAndWait(place);
        } catch (CommandExecutionException e) {
            if (!Refusal.refused(e, Refusal.Reason.CONFLICT)) {
                throw e;
            }
            throw new ReservationRefusedException(place.seatIds());
        }
        if (placement.repeated()) {
            PlacedReservation earlier = placement.reservation();
            if (!earlier.eventId().equals(place.eventId()) || !earlier.seatIds().equals(place.seatIds())) {
                throw new IdempotencyKeyReusedException(); // the caller gives the gate back what this one took
            }
            gate.release(place.eventId(), place.seatIds(), place.reservationId());
        }
        return placement;
    }

    /** Cancels the caller's reservation; its seats are released in the same transaction. */
    public void cancel(String reservationId, String userId) {
        onShard(shards.forReservation(reservationId),
                () -> commands.sendAndWait(new CancelReservation(reservationId, userId)));
    }
}
