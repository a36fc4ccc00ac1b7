package io.boxoffice.command.reservation;

import io.boxoffice.api.common.Money;
import io.boxoffice.api.payment.CheckoutStarted;
import io.boxoffice.api.payment.LatePaymentReceived;
import io.boxoffice.api.payment.PaymentRefunded;
import io.boxoffice.api.payment.RecordPaymentNotification;
import io.boxoffice.api.payment.StartCheckout;
import io.boxoffice.api.reservation.PlaceReservation;
import io.boxoffice.api.reservation.ReservationCancelled;
import io.boxoffice.api.reservation.ReservationConfirmed;
import io.boxoffice.api.reservation.ReservationExpired;
import io.boxoffice.api.reservation.ReservationPaymentDeclined;
import io.boxoffice.api.reservation.ReservationPaymentFailed;
import io.boxoffice.api.reservation.ReservationPlaced;
import io.boxoffice.api.reservation.ReservationStatus;
import io.boxoffice.api.reservation.Ticket;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A fan's reservation of 1..N seats of one event, from hold to sale or release. Commands that also change its
 * seats are handled by {@link ReservationCommandHandler}, which changes the reservation and its seats in one unit
 * of work, so they commit together or not at all.
 */
@Aggregate(repository = "reservationRepository")
public class Reservation {

    @AggregateIdentifier
    private String reservationId;
    private String eventId;
    private String userId;
    private List<String> seatIds;
    private Money amount;
    private Instant heldUntil;
    private ReservationStatus status;
    private String paidWith;
    /** The payments the owner opened at the gateway: the only ones that can pay, fail or be refunded here. */
    private final Set<String> payments = new HashSet<>();
    private final Set<String> gatewayEventsSeen = new HashSet<>();
    private final Set<String> latePayments = new HashSet<>();
    private final Set<String> refundedPayments = new HashSet<>();

    protected Reservation() {
        // for Axon
    }

    Reservation(PlaceReservation command) {
        apply(new ReservationPlaced(command.reservationId(), command.eventId(), command.userId(),
                command.seatIds(), command.amount(), command.heldUntil()));
    }

    /** The seats a transition released, or none. */
    record SeatsToRelease(String eventId, List<String> seatIds) {
        static final SeatsToRelease NONE = new SeatsToRelease(null, List.of());
    }

    /** What a succeeded payment means for this reservation. */
    enum PaymentVerdict { CONFIRM, REFUND, NO_EFFECT }

    /** Cancels the reservation for its owner; cancelling twice has no second effect. */
    SeatsToRelease cancel(String requestedBy) {
        requireOwner(requestedBy);
        if (status == ReservationStatus.HELD) {
            apply(new ReservationCancelled(reservationId, eventId, seatIds));
            return new SeatsToRelease(eventId, seatIds);
        }
        if (status != ReservationStatus.CANCELLED) {
            throw new ReservationNotCancellableException(reservationId, status);
        }
        return SeatsToRelease.NONE;
    }

    /** The hold's deadline: an unpaid reservation expires; any other state stays as it is. */
    SeatsToRelease expire() {
        if (status != ReservationStatus.HELD) {
            return SeatsToRelease.NONE;
        }
        apply(new ReservationExpired(reservationId, eventId, seatIds));
        return new SeatsToRelease(eventId, seatIds);
    }

    /** The owner opened a payment at the gateway; only a live hold can be paid, and only its exact amount. */
    @CommandHandler
    void handle(StartCheckout command, Clock clock) {
        requireOwner(command.userId());
        if (payments.contains(command.paymentId())) {
            return; // the same checkout recorded again
        }
        if (status != ReservationStatus.HELD || !clock.instant().isBefore(heldUntil)) {
            throw new ReservationNotPayableException(reservationId);
        }
        requireAmount(command.amount());
        apply(new CheckoutStarted(reservationId, command.paymentId(), command.amount()));
    }

    /**
     * Judges a succeeded payment without changing anything: paid in time while held means the seats are to be
     * confirmed; paid for a reservation that is over (or a second payment) means a refund.
     */
    PaymentVerdict judgePayment(RecordPaymentNotification payment, Instant now) {
        if (gatewayEventsSeen.contains(payment.gatewayEventId())) {
            return PaymentVerdict.NO_EFFECT; // the same gateway event, delivered again
        }
        requirePayment(payment.paymentId());
        if (payment.paymentId().equals(paidWith) || latePayments.contains(payment.paymentId())) {
            return PaymentVerdict.NO_EFFECT; // the same payment, reported again
        }
        requireAmount(payment.amount());
        return status == ReservationStatus.HELD && now.isBefore(heldUntil)
                ? PaymentVerdict.CONFIRM : PaymentVerdict.REFUND;
    }

    /** Paid in time, and every seat was confirmed in this unit of work: one ticket per seat. */
    void confirm(RecordPaymentNotification payment) {
        List<Ticket> tickets = seatIds.stream()
                .map(seatId -> new Ticket(Ticket.idOf(reservationId, seatId), eventId, seatId, userId)).toList();
        apply(new ReservationConfirmed(reservationId, eventId, userId, payment.paymentId(), payment.gatewayEventId(),
                amount, tickets));
    }

    /** Paid too late: the reservation ends (if the deadline has not ended it yet) and the money goes back. */
    SeatsToRelease refundLatePayment(RecordPaymentNotification payment) {
        SeatsToRelease released = expire();
        apply(new LatePaymentReceived(reservationId, payment.paymentId(), payment.gatewayEventId(),
                payment.amount()));
        return released;
    }

    /**
     * The gateway declined: the hold goes on, and the fan may pay again (with a new checkout) until it ends; what
     * releases the seats is the hold's deadline or the fan's cancel. A decline after the reservation ended changes
     * nothing.
     */
    boolean paymentDeclined(RecordPaymentNotification payment) {
        if (gatewayEventsSeen.contains(payment.gatewayEventId())) {
            return false;
        }
        requirePayment(payment.paymentId());
        if (status != ReservationStatus.HELD) {
            return false;
        }
        apply(new ReservationPaymentDeclined(reservationId, eventId, payment.paymentId(), payment.gatewayEventId(),
                heldUntil));
        return true;
    }

    /** A refund of a late payment went through. */
    boolean refunded(RecordPaymentNotification refund) {
        if (gatewayEventsSeen.contains(refund.gatewayEventId())) {
            return false;
        }
        requirePayment(refund.paymentId());
        if (!latePayments.contains(refund.paymentId()) || refundedPayments.contains(refund.paymentId())) {
            return false; // only money taken after the hold ended is given back, once
        }
        apply(new PaymentRefunded(reservationId, refund.paymentId(), refund.gatewayEventId(), refund.amount()));
        return true;
    }

    String reservationId() {
        return reservationId;
    }

    String eventId() {
        return eventId;
    }

    String userId() {
        return userId;
    }

    List<String> seatIds() {
        return seatIds;
    }

    private void requireOwner(String requestedBy) {
        if (!userId.equals(requestedBy)) {
            throw new ReservationNotFoundException(reservationId);
        }
    }

    private void requireAmount(Money paid) {
        if (!amount.isSameAs(paid)) {
            throw new PaymentMismatchException(reservationId, amount, paid);
        }
    }

    /** A payment id belongs to the reservation whose checkout opened it, and to no other. */
    private void requirePayment(String paymentId) {
        if (!payments.contains(paymentId)) {
            throw new UnknownPaymentException(reservationId, paymentId);
        }
    }

    @EventSourcingHandler
    void on(ReservationPlaced event) {
        reservationId = event.reservationId();
        eventId = event.eventId();
        userId = event.userId();
        seatIds = event.seatIds();
        amount = event.amount();
        heldUntil = event.heldUntil();
        status = ReservationStatus.HELD;
    }

    @EventSourcingHandler
    void on(CheckoutStarted event) {
        payments.add(event.paymentId());
    }

    @EventSourcingHandler
    void on(ReservationCancelled event) {
        status = ReservationStatus.CANCELLED;
    }

    @EventSourcingHandler
    void on(ReservationExpired event) {
        status = ReservationStatus.EXPIRED;
    }

    @EventSourcingHandler
    void on(ReservationConfirmed event) {
        status = ReservationStatus.CONFIRMED;
        paidWith = event.paymentId();
        gatewayEventsSeen.add(event.gatewayEventId());
    }

    @EventSourcingHandler
    void on(ReservationPaymentDeclined event) {
        gatewayEventsSeen.add(event.gatewayEventId());
    }

    /** Declines recorded before a decline kept the hold: that reservation ended. */
    @EventSourcingHandler
    void on(ReservationPaymentFailed event) {
        status = ReservationStatus.PAYMENT_FAILED;
        gatewayEventsSeen.add(event.gatewayEventId());
    }

    @EventSourcingHandler
    void on(LatePaymentReceived event) {
        latePayments.add(event.paymentId());
        gatewayEventsSeen.add(event.gatewayEventId());
    }

    @EventSourcingHandler
    void on(PaymentRefunded event) {
        refundedPayments.add(event.paymentId());
        gatewayEventsSeen.add(event.gatewayEventId());
    }
}
