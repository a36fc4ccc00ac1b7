package io.boxoffice.saga.payment;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import io.boxoffice.api.payment.CheckoutStarted;
import io.boxoffice.api.payment.LatePaymentReceived;
import io.boxoffice.api.reservation.ExpireReservation;
import io.boxoffice.api.reservation.ReservationCancelled;
import io.boxoffice.api.reservation.ReservationConfirmed;
import io.boxoffice.api.reservation.ReservationExpired;
import io.boxoffice.api.reservation.ReservationPaymentDeclined;
import io.boxoffice.api.reservation.ReservationPaymentFailed;
import io.boxoffice.api.reservation.ReservationPlaced;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.SagaLifecycle;
import org.axonframework.modelling.saga.StartSaga;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * One per reservation, from its hold to exactly one ending (I3, I4):
 * <ul>
 *     <li>paid in time: the webhook's transaction sold the seats; the deadline is cancelled;</li>
 *     <li>the hold's deadline: the reservation expires and its seats are released;</li>
 *     <li>cancelled by the fan: the seats were released; other open payments are voided.</li>
 * </ul>
 * A declined payment ends nothing: the fan may pay again until the deadline. (Declines stored before that rule ended
 * the reservation, and still end a saga that was waiting for one.)
 * Money that arrives for a reservation that is over is refunded, by this saga if it still runs, or by one
 * started for that purpose. The deadline lives in PostgreSQL, so it fires on whichever node is up.
 * <p>
 * Every handler finds its saga by the reservation and nothing else, so that each event reaches only its
 * reservation's segment ({@link SegmentOfAssociationSagaManager}, registered in {@link PaymentSagaConfiguration}).
 */
@ProcessingGroup(PaymentSaga.PROCESSING_GROUP)
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
public class PaymentSaga {

    public static final String PROCESSING_GROUP = "payment-saga";
    static final String HOLD_ENDS = "hold-ends";

    private String reservationId;
    private final Set<String> openPayments = new LinkedHashSet<>();

    @StartSaga
    @SagaEventHandler(associationProperty = "reservationId")
    public void on(ReservationPlaced placed, DeadlineManager deadlines) {
        if (reservationId != null) {
            return; // the same event delivered again: the deadline is already scheduled
        }
        reservationId = placed.reservationId();
        deadlines.schedule(placed.heldUntil(), HOLD_ENDS, new HoldEnds(reservationId, placed.heldUntil()));
    }

    @SagaEventHandler(associationProperty = "reservationId")
    public void on(CheckoutStarted checkout) {
        openPayments.add(checkout.paymentId());
    }

    /** The deadline's payload: which hold ends when, readable in the scheduler's table. */
    public record HoldEnds(String reservationId, Instant heldUntil) {
    }

    /**
     * Expires the reservation. A webhook may be changing it at this very instant on another node; the loser of that
     * race is sent again at once by the gateway's retry policy, rather than wait for the scheduler's retry minutes
     * later.
     */
    @DeadlineHandler(deadlineName = HOLD_ENDS)
    public void holdEnded(HoldEnds deadline, CommandGateway commands) {
        commands.sendAndWait(new ExpireReservation(deadline.reservationId()));
    }

    @SagaEventHandler(associationProperty = "reservationId")
    public void on(ReservationConfirmed confirmed, DeadlineManager deadlines, PaymentGateway gateway) {
        openPayments.remove(confirmed.paymentId());
        end(deadlines, gateway);
    }

    @SagaEventHandler(associationProperty = "reservationId")
    public void on(ReservationExpired expired, DeadlineManager deadlines, PaymentGateway gateway) {
        end(deadlines, gateway);
    }

    @SagaEventHandler(associationProperty = "reservationId")
    public void on(ReservationCancelled cancelled, DeadlineManager deadlines, PaymentGateway gateway) {
        end(deadlines, gateway);
    }

    @SagaEventHandler(associationProperty = "reservationId")
    public void on(ReservationPaymentDeclined declined) {
        openPayments.remove(declined.paymentId());
    }

    @SagaEventHandler(associationProperty = "reservationId")
    public void on(ReservationPaymentFailed failed, DeadlineManager deadlines, PaymentGateway gateway) {
        openPayments.remove(failed.paymentId());
        end(deadlines, gateway);
    }

    /** Refunds a payment that came too late; starts a saga of its own when the reservation's has ended. */
    @StartSaga
    @SagaEventHandler(associationProperty = "reservationId")
    public void on(LatePaymentReceived late, PaymentGateway gateway) {
        reservationId = late.reservationId();
        openPayments.remove(late.paymentId());
        gateway.refund(late.paymentId(), late.amount());
        if (openPayments.isEmpty()) {
            SagaLifecycle.end();
        }
    }

    /** The reservation is over: no deadline left, and no payment page can still take money for it. */
    private void end(DeadlineManager deadlines, PaymentGateway gateway) {
        deadlines.cancelAllWithinScope(HOLD_ENDS);
        openPayments.forEach(gateway::voidPayment);
        SagaLifecycle.end();
    }
}
