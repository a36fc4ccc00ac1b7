package io.boxoffice.command.reservation;

import io.boxoffice.api.payment.PaymentEventOutcome;
import io.boxoffice.api.payment.RecordPaymentNotification;
import io.boxoffice.api.reservation.CancelReservation;
import io.boxoffice.api.reservation.ChangeFanTickets;
import io.boxoffice.api.reservation.ExpireReservation;
import io.boxoffice.api.reservation.FindPlacedReservation;
import io.boxoffice.api.reservation.HoldFanTickets;
import io.boxoffice.api.reservation.PlaceReservation;
import io.boxoffice.api.reservation.PlacedReservation;
import io.boxoffice.api.reservation.ReservationPlacement;
import io.boxoffice.api.seat.ReleaseReason;
import io.boxoffice.api.seat.SeatKey;
import io.boxoffice.command.seat.Seat;
import io.boxoffice.command.seat.SeatTakenException;
import io.boxoffice.command.seat.SeatsRefusedException;
import io.boxoffice.command.shard.SeatShards;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Commands that change a reservation, its seats and its fan's allowance ({@link FanTickets}) together, and the only
 * way to change a seat: seats and allowances handle no command of their own. Each seat still decides for itself,
 * but all seats and the reservation change in one unit of work, i.e. one PostgreSQL transaction: a request is held,
 * sold or released whole or not at all, and a concurrent append on any of its aggregates fails the whole
 * transaction.
 * <p>
 * Seats are always visited in sorted order, so two requests that overlap lock (in this JVM) and insert (in
 * PostgreSQL) in the same order and cannot deadlock.
 * <p>
 * A reservation on a seat shard other than the primary database cannot share a transaction with its fan's allowance,
 * which lies on the primary database: there the allowance changes in commands of its own, first when placing
 * ({@link HoldFanTickets}), after the reservation's transaction otherwise ({@link ChangeFanTickets}, from
 * {@link FanTicketsFollower}).
 */
@Component
public class ReservationCommandHandler {

    private final Repository<Seat> seats;
    private final Repository<Reservation> reservations;
    private final Repository<FanTickets> fanTickets;
    private final PlacedReservations placed;
    private final SeatShards shards;

    public ReservationCommandHandler(Repository<Seat> seatRepository, Repository<Reservation> reservationRepository,
                                     Repository<FanTickets> fanTicketsRepository, PlacedReservations placed,
                                     SeatShards shards) {
        this.seats = seatRepository;
        this.reservations = reservationRepository;
        this.fanTickets = fanTicketsRepository;
        this.placed = placed;
        this.shards = shards;
    }

    /**
     * Looks for an earlier request with the same key first, in this transaction: a repeat costs one read and appends
     * nothing, and a first request pays for the look-up with a statement, not with a transaction of its own. A
     * request without a key has a new reservation id, so nothing is looked up.
     */
    @CommandHandler
    public ReservationPlacement handle(PlaceReservation command, Clock clock) throws Exception {
        Optional<PlacedReservation> earlier = command.repeatable()
                ? placed.handle(new FindPlacedReservation(command.reservationId())) : Optional.empty();
        if (earlier.isPresent()) {
            return new ReservationPlacement(earlier.get(), true);
        }
        Instant now = clock.instant();
        List<SeatTakenException> refusals = new ArrayList<>();
        for (String seatId : sorted(command.seatIds())) {
            try {
                seats.loadOrCreate(SeatKey.of(command.eventId(), seatId), Seat::new)
                        .execute(seat -> seat.reserve(command.eventId(), seatId, command.reservationId(),
                                command.userId(), command.heldUntil(), now));
            } catch (SeatTakenException refused) {
                refusals.add(refused);
            }
        }
        if (!refusals.isEmpty()) {
            throw new SeatsRefusedException(refusals); // rolls back the holds taken above
        }
        if (withAllowance(command.reservationId())) {
            holdFanTickets(new HoldFanTickets(command.eventId(), command.userId(), command.reservationId(),
                    command.seatIds().size(), command.heldUntil(), command.maxTicketsPerFan()), now);
            // over the limit: rolls back the holds too
        }
        reservations.newInstance(() -> new Reservation(command));
        return new ReservationPlacement(new PlacedReservation(command.reservationId(), command.eventId(),
                command.userId(), command.seatIds(), command.heldUntil(), command.amount()), false);
    }

    @CommandHandler
    public void handle(HoldFanTickets command, Clock clock) throws Exception {
        holdFanTickets(command, clock.instant());
    }

    @CommandHandler
    public void handle(ChangeFanTickets command) {
        changeFanTickets(command.eventId(), command.userId(), switch (command.change()) {
            case BOUGHT -> tickets -> tickets.buy(command.reservationId());
            case RELEASED -> tickets -> tickets.release(command.reservationId());
        });
    }

    private void holdFanTickets(HoldFanTickets hold, Instant now) throws Exception {
        fanTickets.loadOrCreate(FanTickets.idOf(hold.eventId(), hold.userId()), FanTickets::new)
                .execute(tickets -> tickets.hold(hold.eventId(), hold.userId(), hold.reservationId(), hold.seats(),
                        hold.heldUntil(), hold.maxTicketsPerFan(), now));
    }

    /** Whether the fan's allowance changes in the reservation's transaction: both on the primary database. */
    private boolean withAllowance(String reservationId) {
        return shards.forReservation(reservationId).isPrimary();
    }

    @CommandHandler
    public void handle(CancelReservation command) {
        Aggregate<Reservation> reservation = reservations.load(command.reservationId());
        Reservation.SeatsToRelease released = reservation.invoke(r -> r.cancel(command.userId()));
        release(command.reservationId(), released, ReleaseReason.CANCELLED);
        releaseFanTickets(reservation, released);
    }

    @CommandHandler
    public void handle(ExpireReservation command) {
        release(command.reservationId(), reservations.load(command.reservationId())
                .invoke(Reservation::expire), ReleaseReason.EXPIRED);
    }

    /**
     * A verified webhook. A payment in time sells every seat in this transaction; the Seat aggregates check the
     * holds once more, so a payment racing the deadline either sells all seats before the hold ends or none.
     */
    @CommandHandler
    public PaymentEventOutcome handle(RecordPaymentNotification command, Clock clock) {
        Aggregate<Reservation> reservation = reservations.load(command.reservationId());
        return switch (command.type()) {
            case PAYMENT_SUCCEEDED -> switch (reservation.invoke(r -> r.judgePayment(command, clock.instant()))) {
                case CONFIRM -> confirm(reservation, command, clock.instant());
                case REFUND -> {
                    release(command.reservationId(), reservation.invoke(r -> r.refundLatePayment(command)),
                            ReleaseReason.EXPIRED);
                    yield PaymentEventOutcome.REFUND_DUE;
                }
                case NO_EFFECT -> PaymentEventOutcome.NO_EFFECT;
            };
            case PAYMENT_FAILED -> reservation.invoke(r -> r.paymentDeclined(command))
                    ? PaymentEventOutcome.FAILED : PaymentEventOutcome.NO_EFFECT;
            case REFUND_SUCCEEDED -> reservation.invoke(r -> r.refunded(command))
                    ? PaymentEventOutcome.REFUNDED : PaymentEventOutcome.NO_EFFECT;
        };
    }

    private PaymentEventOutcome confirm(Aggregate<Reservation> reservation, RecordPaymentNotification payment,
                                        Instant now) {
        String eventId = reservation.invoke(Reservation::eventId);
        for (String seatId : sorted(reservation.invoke(Reservation::seatIds))) {
            seats.load(SeatKey.of(eventId, seatId)).execute(seat -> seat.confirm(payment.reservationId(), now));
        }
        reservation.execute(r -> r.confirm(payment));
        if (withAllowance(payment.reservationId())) {
            changeFanTickets(eventId, reservation.invoke(Reservation::userId),
                    tickets -> tickets.buy(payment.reservationId()));
        }
        return PaymentEventOutcome.CONFIRMED;
    }

    /** A reservation that ended before its hold did gives its seats back to the fan's allowance at once. */
    private void releaseFanTickets(Aggregate<Reservation> reservation, Reservation.SeatsToRelease released) {
        String reservationId = reservation.invoke(Reservation::reservationId);
        if (released.seatIds().isEmpty() || !withAllowance(reservationId)) {
            return;
        }
        changeFanTickets(released.eventId(), reservation.invoke(Reservation::userId),
                tickets -> tickets.release(reservationId));
    }

    /** Reservations placed before fans had a limit have no allowance to change. */
    private void changeFanTickets(String eventId, String userId, Consumer<FanTickets> change) {
        Aggregate<FanTickets> tickets;
        try {
            tickets = fanTickets.load(FanTickets.idOf(eventId, userId));
        } catch (AggregateNotFoundException placedBeforeLimits) {
            return;
        }
        tickets.execute(change);
    }

    private void release(String reservationId, Reservation.SeatsToRelease released, ReleaseReason reason) {
        for (String seatId : sorted(released.seatIds())) {
            seats.load(SeatKey.of(released.eventId(), seatId)).execute(seat -> seat.release(reservationId, reason));
        }
    }

    private static List<String> sorted(List<String> seatIds) {
        return seatIds.stream().sorted().toList();
    }
}
