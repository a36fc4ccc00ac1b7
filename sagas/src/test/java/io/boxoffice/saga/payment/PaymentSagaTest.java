package io.boxoffice.saga.payment;

import io.boxoffice.api.common.Money;
import io.boxoffice.api.payment.CheckoutStarted;
import io.boxoffice.api.payment.LatePaymentReceived;
import io.boxoffice.api.reservation.ExpireReservation;
import io.boxoffice.api.reservation.ReservationCancelled;
import io.boxoffice.api.reservation.ReservationConfirmed;
import io.boxoffice.api.reservation.ReservationExpired;
import io.boxoffice.api.reservation.ReservationPaymentDeclined;
import io.boxoffice.api.reservation.ReservationPaymentFailed;
import io.boxoffice.api.reservation.ReservationPlaced;
import io.boxoffice.api.reservation.Ticket;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PaymentSagaTest {

    private static final String RESERVATION = "r-1";
    private static final String EVENT = "e-1";
    private static final Money AMOUNT = new Money(new BigDecimal("98.00"), "EUR");
    private static final List<String> SEATS = List.of("A-1-1", "A-1-2");

    private SagaTestFixture<PaymentSaga> fixture;
    private RecordingGateway gateway;
    private Instant heldUntil;

    @BeforeEach
    void setUp() {
        fixture = new SagaTestFixture<>(PaymentSaga.class);
        gateway = new RecordingGateway();
        fixture.registerResource(gateway);
        heldUntil = fixture.currentTime().plus(Duration.ofMinutes(10));
    }

    private ReservationPlaced placed() {
        return new ReservationPlaced(RESERVATION, EVENT, "alice", SEATS, AMOUNT, heldUntil);
    }

    private static ReservationConfirmed confirmed(String paymentId) {
        return new ReservationConfirmed(RESERVATION, EVENT, "alice", paymentId, "evt-1", AMOUNT,
                List.of(new Ticket("t-1", EVENT, "A-1-1", "alice"), new Ticket("t-2", EVENT, "A-1-2", "alice")));
    }

    @Test
    void aHoldSchedulesItsDeadlineAtItsEnd() {
        fixture.givenNoPriorActivity()
                .whenPublishingA(placed())
                .expectActiveSagas(1)
                .expectScheduledDeadlineWithName(heldUntil, PaymentSaga.HOLD_ENDS)
                .expectNoDispatchedCommands();
    }

    @Test
    void theSameHoldDeliveredTwiceSchedulesOneDeadline() {
        fixture.givenAggregate(RESERVATION).published(placed(), placed())
                .whenTimeAdvancesTo(heldUntil)
                .expectActiveSagas(1)
                .expectDispatchedCommands(new ExpireReservation(RESERVATION));
    }

    @Test
    void anUnpaidHoldExpiresAtItsDeadline() {
        fixture.givenAggregate(RESERVATION).published(placed())
                .whenTimeAdvancesTo(heldUntil)
                .expectDeadlinesMet(new PaymentSaga.HoldEnds(RESERVATION, heldUntil))
                .expectDispatchedCommands(new ExpireReservation(RESERVATION));
    }

    @Test
    void theExpiryEndsTheSagaAndVoidsAnOpenPayment() {
        fixture.givenAggregate(RESERVATION).published(placed(), new CheckoutStarted(RESERVATION, "pay-1", AMOUNT))
                .whenPublishingA(new ReservationExpired(RESERVATION, EVENT, SEATS))
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines();
        assertThat(gateway.voided).containsExactly("pay-1");
    }

    @Test
    void paymentInTimeCancelsTheDeadlineAndEndsTheSaga() {
        fixture.givenAggregate(RESERVATION).published(placed(), new CheckoutStarted(RESERVATION, "pay-1", AMOUNT))
                .whenPublishingA(confirmed("pay-1"))
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines()
                .expectNoDispatchedCommands();
        assertThat(gateway.voided).isEmpty();
        assertThat(gateway.refunded).isEmpty();
    }

    @Test
    void paymentInTimeVoidsAnyOtherOpenPayment() {
        fixture.givenAggregate(RESERVATION).published(placed(), new CheckoutStarted(RESERVATION, "pay-1", AMOUNT),
                        new CheckoutStarted(RESERVATION, "pay-2", AMOUNT))
                .whenPublishingA(confirmed("pay-2"))
                .expectActiveSagas(0);
        assertThat(gateway.voided).containsExactly("pay-1");
    }

    @Test
    void aDeclinedPaymentKeepsTheHoldAndItsDeadlineForTheFanToPayAgain() {
        fixture.givenAggregate(RESERVATION).published(placed(), new CheckoutStarted(RESERVATION, "pay-1", AMOUNT))
                .whenPublishingA(new ReservationPaymentDeclined(RESERVATION, EVENT, "pay-1", "evt-9", heldUntil))
                .expectActiveSagas(1)
                .expectScheduledDeadlineWithName(heldUntil, PaymentSaga.HOLD_ENDS)
                .expectNoDispatchedCommands();
        assertThat(gateway.voided).isEmpty();
    }

    @Test
    void theHoldOfADeclinedPaymentStillEndsAtItsDeadline() {
        fixture.givenAggregate(RESERVATION).published(placed(), new CheckoutStarted(RESERVATION, "pay-1", AMOUNT),
                        new ReservationPaymentDeclined(RESERVATION, EVENT, "pay-1", "evt-9", heldUntil))
                .whenTimeAdvancesTo(heldUntil)
                .expectDeadlinesMet(new PaymentSaga.HoldEnds(RESERVATION, heldUntil))
                .expectDispatchedCommands(new ExpireReservation(RESERVATION));
    }

    @Test
    void afterADeclineOnlyTheNewPaymentIsVoidedWhenTheFanCancels() {
        fixture.givenAggregate(RESERVATION).published(placed(), new CheckoutStarted(RESERVATION, "pay-1", AMOUNT),
                        new ReservationPaymentDeclined(RESERVATION, EVENT, "pay-1", "evt-9", heldUntil),
                        new CheckoutStarted(RESERVATION, "pay-2", AMOUNT))
                .whenPublishingA(new ReservationCancelled(RESERVATION, EVENT, SEATS))
                .expectActiveSagas(0);
        assertThat(gateway.voided).containsExactly("pay-2");
    }

    /** Declines stored before a decline kept the hold had released the seats: the saga ends with them. */
    @Test
    void aDeclineRecordedBeforeDeclinesKeptTheHoldEndsTheSagaWithoutAnExpiry() {
        fixture.givenAggregate(RESERVATION).published(placed(), new CheckoutStarted(RESERVATION, "pay-1", AMOUNT))
                .whenPublishingA(new ReservationPaymentFailed(RESERVATION, EVENT, "pay-1", "evt-9", SEATS))
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines()
                .expectNoDispatchedCommands();
        assertThat(gateway.voided).isEmpty();
    }

    @Test
    void theFansCancellationVoidsTheOpenPayment() {
        fixture.givenAggregate(RESERVATION).published(placed(), new CheckoutStarted(RESERVATION, "pay-1", AMOUNT))
                .whenPublishingA(new ReservationCancelled(RESERVATION, EVENT, SEATS))
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines();
        assertThat(gateway.voided).containsExactly("pay-1");
    }

    @Test
    void aLatePaymentIsRefundedEvenAfterTheSagaEnded() {
        fixture.givenAggregate(RESERVATION).published(placed(), new ReservationExpired(RESERVATION, EVENT, SEATS))
                .whenPublishingA(new LatePaymentReceived(RESERVATION, "pay-1", "evt-2", AMOUNT))
                .expectActiveSagas(0)
                .expectNoDispatchedCommands();
        assertThat(gateway.refunded).containsExactly("pay-1 98.00 EUR");
    }

    @Test
    void aLatePaymentWhileTheSagaRunsIsRefundedAndTheOtherOpenPaymentStaysOpenUntilTheEnd() {
        fixture.givenAggregate(RESERVATION).published(placed(), new CheckoutStarted(RESERVATION, "pay-1", AMOUNT),
                        new CheckoutStarted(RESERVATION, "pay-2", AMOUNT))
                .whenPublishingA(new LatePaymentReceived(RESERVATION, "pay-1", "evt-3", AMOUNT))
                .expectActiveSagas(1)
                .expectScheduledDeadlineWithName(heldUntil, PaymentSaga.HOLD_ENDS);
        assertThat(gateway.refunded).containsExactly("pay-1 98.00 EUR");
    }

    /** The gateway port as the saga sees it, recording what it was asked to do. */
    static final class RecordingGateway implements PaymentGateway {

        final List<String> voided = new ArrayList<>();
        final List<String> refunded = new ArrayList<>();

        @Override
        public GatewayPayment createPayment(String reservationId, Money amount, Instant payBy) {
            throw new UnsupportedOperationException("the saga never opens payments");
        }

        @Override
        public void voidPayment(String paymentId) {
            voided.add(paymentId);
        }

        @Override
        public void refund(String paymentId, Money amount) {
            refunded.add(paymentId + " " + amount.amount() + " " + amount.currency());
        }
    }
}
