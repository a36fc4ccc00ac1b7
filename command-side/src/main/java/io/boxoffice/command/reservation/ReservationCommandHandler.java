package io.boxoffice.command.reservation;

import io.boxoffice.api.payment.PaymentEventOutcome;
import io.boxoffice.api.payment.RecordPaymentEvent;
import io.boxoffice.api.reservation.CancelReservation;
import io.boxoffice.api.reservation.ExpireReservation;
import io.boxoffice.api.reservation.PlaceReservation;
import io.boxoffice.api.seat.ConfirmSeat;
import io.boxoffice.api.seat.ReleaseReason;
import io.boxoffice.api.seat.ReleaseSeat;
import io.boxoffice.api.seat.ReserveSeat;
import io.boxoffice.command.seat.Seat;
import io.boxoffice.command.seat.SeatUnavailableException;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Commands that change a reservation and its seats together. Each seat still decides for itself through its own
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

    public ReservationCommandHandler(Repository<Seat> seatRepository,
                                     Repository<Reservation> reservationRepository) {
        this.seats = seatRepository;
        this.reservations = reservationRepository;
    }

    @CommandHandler
    public void handle(PlaceReservation command) throws Exception {
        List<SeatUnavailableException> refusals = new ArrayList<>();
        for (String seatId : sorted(command.seatIds())) {
            ReserveSeat reserve = new ReserveSeat(command.eventId(), seatId, command.reservationId(),
                    command.userId(), command.heldUntil());
            try {
                seats.loadOrCreate(reserve.seatKey(), Seat::new)
                        .handle(GenericCommandMessage.asCommandMessage(reserve));
            } catch (SeatUnavailableException refused) {
                refusals.add(refused);
            }
        }
        if (!refusals.isEmpty()) {
            throw new SeatsUnavailableException(refusals); // rolls back the holds taken above
        }
        reservations.newInstance(() -> new Reservation(command));
    }

    @CommandHandler
    public void handle(CancelReservation command) throws Exception {
        release(command.reservationId(), reservations.load(command.reservationId())
                .invoke(reservation -> reservation.cancel(command.userId())), ReleaseReason.CANCELLED);
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
    public PaymentEventOutcome handle(RecordPaymentEvent command, Clock clock) throws Exception {
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
                yield released.seatIds().isEmpty() ? PaymentEventOutcome.NO_EFFECT : PaymentEventOutcome.FAILED;
            }
            case REFUND_SUCCEEDED -> reservation.invoke(r -> r.refunded(command))
                    ? PaymentEventOutcome.REFUNDED : PaymentEventOutcome.NO_EFFECT;
        };
    }

    private PaymentEventOutcome confirm(Aggregate<Reservation> reservation, RecordPaymentEvent payment)
            throws Exception {
        String eventId = reservation.invoke(Reservation::eventId);
        for (String seatId : sorted(reservation.invoke(Reservation::seatIds))) {
            ConfirmSeat confirm = new ConfirmSeat(eventId, seatId, payment.reservationId());
            seats.load(confirm.seatKey()).handle(GenericCommandMessage.asCommandMessage(confirm));
        }
        reservation.execute(r -> r.confirm(payment));
        return PaymentEventOutcome.CONFIRMED;
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
