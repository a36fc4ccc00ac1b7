package io.boxoffice.command.reservation;

import io.boxoffice.api.command.Refusal;
import io.boxoffice.api.reservation.CancelReservation;
import io.boxoffice.api.reservation.FindPlacedReservation;
import io.boxoffice.api.reservation.PlaceReservation;
import io.boxoffice.api.reservation.PlacedReservation;
import io.boxoffice.api.reservation.ReservationStatus;
import io.boxoffice.api.reservation.ReservationView;
import io.boxoffice.command.catalog.EventSeating;
import io.boxoffice.command.catalog.SeatingCatalog;
import io.boxoffice.command.seat.SeatGate;
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
    private final Clock clock;
    private final Duration holdDuration;
    private final int maxSeatsPerReservation;
    private final Counter held;
    private final Counter refusedByGate;
    private final Counter refusedByAggregate;
    private final Timer latency;

    public ReservationService(SeatingCatalog catalog, SeatGate gate, Admissions admissions, CommandGateway commands,
                              PlacedReservations placed, Clock clock, MeterRegistry meters,
                              ReservationProperties settings) {
        this.catalog = catalog;
        this.gate = gate;
        this.admissions = admissions;
        this.commands = commands;
        this.placed = placed;
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
        EventSeating seating = catalog.seating(eventId).orElseThrow(() -> new EventNotFoundException(eventId));
        if (!admissions.admits(seating, userId, admissionToken)) {
            throw new AdmissionRequiredException(eventId);
        }
        List<String> unknown = seating.unknownSeats(seatIds);
        if (!unknown.isEmpty()) {
            throw new UnknownSeatsException(unknown);
        }
        Lock turn = fanTurns[Math.floorMod(userId.hashCode(), fanTurns.length)];
        turn.lock();
        try {
            return reserveInTurn(seating, seatIds, userId, idempotencyKey);
        } finally {
            turn.unlock();
        }
    }

    private ReservationView reserveInTurn(EventSeating seating, List<String> seatIds, String userId,
                                          String idempotencyKey) {
        String eventId = seating.eventId();
        String reservationId = idempotencyKey == null ? UUID.randomUUID().toString()
                : UUID.nameUUIDFromBytes((userId + "\n" + idempotencyKey).getBytes(StandardCharsets.UTF_8)).toString();
        Optional<ReservationView> earlier = idempotencyKey == null ? Optional.empty()
                : replay(reservationId, eventId, seatIds);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        Instant now = clock.instant();
        if (!seating.isOnSaleAt(now)) {
            throw new SalesNotOpenException(eventId, seating.salesStartAt());
        }
        Instant heldUntil = now.plus(holdDuration).truncatedTo(ChronoUnit.MILLIS);
        PlaceReservation place = new PlaceReservation(reservationId, eventId, userId, seatIds,
                seating.priceOf(seatIds), heldUntil, seating.maxTicketsPerFan());
        ReservationView placed = latency.record(() -> place(place, idempotencyKey));
        admissions.heldSeats(seating, userId, seatIds.size());
        return placed;
    }

    private ReservationView place(PlaceReservation place, String idempotencyKey) {
        String eventId = place.eventId();
        // The gate and the seats refuse only other reservations: a repeat of a request with the same key finds the
        // seats its twin took as its own, so a refusal is never a repeat's answer and needs no second look-up.
        if (gate.tryHold(eventId, place.seatIds(), place.reservationId(), place.heldUntil())
                instanceof SeatGate.Verdict.Refused refused) {
            refusedByGate.increment();
            throw new ReservationRefusedException(refused.takenSeatIds().stream().sorted().toList());
        }
        try {
            return send(place, idempotencyKey);
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
            throw new ReservationRefusedException(unavailableUntil.keySet().stream().sorted().toList());
        } catch (RuntimeException e) {
            gate.release(eventId, place.seatIds(), place.reservationId());
            throw e;
        }
    }

    /**
     * Places the reservation; a conflict (another transaction appended to one of its aggregates first: a seat's hold,
     * or a twin request on another node creating the same reservation) is retried by the gateway's policy, and one
     * that remains is answered with the twin's reservation or refused.
     */
    private ReservationView send(PlaceReservation place, String idempotencyKey) {
        try {
            commands.sendAndWait(place);
            held.increment();
            return new ReservationView(place.reservationId(), place.eventId(), place.userId(), place.seatIds(),
                    ReservationStatus.HELD, place.heldUntil(), place.amount(), List.of(), List.of());
        } catch (CommandExecutionException e) {
            if (!Refusal.refused(e, Refusal.Reason.CONFLICT)) {
                throw e;
            }
            Optional<ReservationView> twin = idempotencyKey == null ? Optional.empty()
                    : replay(place.reservationId(), place.eventId(), place.seatIds());
            return twin.orElseThrow(() -> new ReservationRefusedException(place.seatIds().stream().sorted().toList()));
        }
    }

    /** What an earlier request with the same key was answered, if it was the same request. */
    private Optional<ReservationView> replay(String reservationId, String eventId, List<String> seatIds) {
        Optional<PlacedReservation> earlier = placed.handle(new FindPlacedReservation(reservationId));
        earlier.filter(reservation -> !reservation.eventId().equals(eventId) || !reservation.seatIds().equals(seatIds))
                .ifPresent(reservation -> {
                    throw new IdempotencyKeyReusedException();
                });
        return earlier.map(PlacedReservation::asHeld);
    }

    /** Cancels the caller's reservation; its seats are released in the same transaction. */
    public void cancel(String reservationId, String userId) {
        commands.sendAndWait(new CancelReservation(reservationId, userId));
    }
}
