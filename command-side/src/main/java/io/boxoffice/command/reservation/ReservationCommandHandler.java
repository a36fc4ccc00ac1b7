package io.boxoffice.command.reservation;

import io.boxoffice.api.payment.PaymentEventOutcome;
import io.boxoffice.api.payment.RecordPaymentNotification;
import io.boxoffice.api.reservation.CancelReservation;
import io.boxoffice.api.reservation.ExpireReservation;
import io.boxoffice.api.reservation.PlaceReservation;
import io.boxoffice.api.seat.ConfirmSeat;
import io.boxoffice.api.seat.ReleaseReason;
import io.boxoffice.api.seat.ReleaseSeat;
import io.boxoffice.api.seat.ReserveSeat;
import io.boxoffice.command.seat.Seat;
import io.boxoffice.command.seat.SeatTakenException;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Commands that change a reservation, its seats and its fan's allowance ({@link FanTickets}) together. Each seat still decides for itself through its own
 * command handler, but all seats and the reservation change in one unit of work, i.e. one PostgreSQL
 * transaction: a request is held, sold or released whole or not at all, and a concurrent append on any of its
 * aggregates fails the whole transaction.
 * <p>
 * Seats are always visited in sorted order, so two requests that overlap lock (in this JVM) and insert (in
 * PostgreSQL) in the same order and cannot deadlock.
 */
@Component
public class ReservationCommandHandler {

    private final Repository<Seat> seats;
    private final Repository<Reservation> reservations;
    private final Repository<FanTickets> fanTickets;

    public ReservationCommandHandler(Repository<Seat> seatRepository, Repository<Reservation> reservationRepository,
                                     Repository<FanTickets> fanTicketsRepository) {
        this.seats = seatRepository;
        this.reservations = reservationRepository;
        this.fanTickets = fanTicketsRepository;
    }

    @CommandHandler
    public void handle(PlaceReservation command) throws Exception {
        List<SeatTakenException> refusals = new ArrayList<>();
        for (String seatId : sorted(command.seatIds())) {
            ReserveSeat reserve = new ReserveSeat(command.eventId(), seatId, command.reservationId(),
                    command.userId(), command.heldUntil());
            try {
                seats.loadOrCreate(reserve.seatKey(), Seat::new)
                        .handle(GenericCommandMessage.asCommandMessage(reserve));
            } catch (SeatTakenException refused) {
                refusals.add(refused);
            }
        }
        if (!refusals.isEmpty()) {
            throw new HoldRefusedException(refusals); // rolls back the holds taken above
        }
        FanTickets.Hold count = new FanTickets.Hold(FanTickets.idOf(command.eventId(), command.userId()),
                command.eventId(), command.userId(), command.reservationId(), command.seatIds().size(),
                command.heldUntil(), command.maxTicketsPerFan());
        fanTickets.loadOrCreate(count.fanTicketsId(), FanTickets::new)
                .handle(GenericCommandMessage.asCommandMessage(count)); // over the limit: rolls back the holds too
        reservations.newInstance(() -> new Reservation(command));
    }

    @CommandHandler
    public void handle(CancelReservation command) throws Exception {
        Aggregate<Reservation> reservation = reservations.load(command.reservationId());
        Reservation.SeatsToRelease released = reservation.invoke(r -> r.cancel(command.userId()));
        release(command.reservationId(), released, ReleaseReason.CANCELLED);
        releaseFanTickets(reservation, released);
    }

    @CommandHandler
    public void handle(ExpireReservation command) throws Exception {
        release(command.reservationId(), reservations.load(command.reservationId())
                .invoke(Reservation::expire), ReleaseReason.EXPIRED);
    }

    /**
     * A verified webhook. A payment in time sells every seat in this transaction; the Seat aggregates check the
     * holds once more, so a payment racing the deadline either sells all seats before the hold ends or none.
     */
    @CommandHandler
    public PaymentEventOutcome handle(RecordPaymentNotification command, Clock clock) throws Exception {
        Aggregate<Reservation> reservation = reservations.load(command.reservationId());
        return switch (command.type()) {
            case PAYMENT_SUCCEEDED -> switch (reservation.invoke(r -> r.judgePayment(command, clock.instant()))) {
                case CONFIRM -> confirm(reservation, command);
                case REFUND -> {
                    release(command.reservationId(), reservation.invoke(r -> r.refundLatePayment(command)),
                            ReleaseReason.EXPIRED);
                    yield PaymentEventOutcome.REFUND_DUE;
                }
                case NO_EFFECT -> PaymentEventOutcome.NO_EFFECT;
            };
            case PAYMENT_FAILED -> {
                Reservation.SeatsToRelease released = reservation.invoke(r -> r.paymentFailed(command));
                release(command.reservationId(), released, ReleaseReason.PAYMENT_FAILED);
                releaseFanTickets(reservation, released);
                yield released.seatIds().isEmpty() ? PaymentEventOutcome.NO_EFFECT : PaymentEventOutcome.FAILED;
            }
            case REFUND_SUCCEEDED -> reservation.invoke(r -> r.refunded(command))
                    ? PaymentEventOutcome.REFUNDED : PaymentEventOutcome.NO_EFFECT;
        };
    }

    private PaymentEventOutcome confirm(Aggregate<Reservation> reservation, RecordPaymentNotification payment)
            throws Exception {
        String eventId = reservation.invoke(Reservation::eventId);
        for (String seatId : sorted(reservation.invoke(Reservation::seatIds))) {
            ConfirmSeat confirm = new ConfirmSeat(eventId, seatId, payment.reservationId());
            seats.load(confirm.seatKey()).handle(GenericCommandMessage.asCommandMessage(confirm));
        }
        reservation.execute(r -> r.confirm(payment));
        String userId = reservation.invoke(Reservation::userId);
        FanTickets.Buy buy = new FanTickets.Buy(FanTickets.idOf(eventId, userId), eventId, userId,
                payment.reservationId());
        changeFanTickets(buy.fanTicketsId(), buy);
        return PaymentEventOutcome.CONFIRMED;
    }

    /** A reservation that ended before its hold did gives its seats back to the fan's allowance at once. */
    private void releaseFanTickets(Aggregate<Reservation> reservation, Reservation.SeatsToRelease released)
            throws Exception {
        if (released.seatIds().isEmpty()) {
            return;
        }
        String userId = reservation.invoke(Reservation::userId);
        FanTickets.Release release = new FanTickets.Release(FanTickets.idOf(released.eventId(), userId),
                released.eventId(), userId, reservation.invoke(Reservation::reservationId));
        changeFanTickets(release.fanTicketsId(), release);
    }

    /** Reservations placed before fans had a limit have no allowance to change. */
    private void changeFanTickets(String fanTicketsId, Object command) throws Exception {
        Aggregate<FanTickets> tickets;
        try {
            tickets = fanTickets.load(fanTicketsId);
        } catch (AggregateNotFoundException placedBeforeLimits) {
            return;
        }
        tickets.handle(GenericCommandMessage.asCommandMessage(command));
    }

    private void release(String reservationId, Reservation.SeatsToRelease released, ReleaseReason reason)
            throws Exception {
        for (String seatId : sorted(released.seatIds())) {
            ReleaseSeat release = new ReleaseSeat(released.eventId(), seatId, reservationId, reason);
            seats.load(release.seatKey()).handle(GenericCommandMessage.asCommandMessage(release));
        }
    }

    private static List<String> sorted(List<String> seatIds) {
        return seatIds.stream().sorted().toList();
    }
}
