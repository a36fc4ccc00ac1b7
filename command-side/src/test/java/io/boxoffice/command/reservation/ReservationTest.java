package io.boxoffice.command.reservation;

import io.boxoffice.api.common.Money;
import io.boxoffice.api.payment.CheckoutStarted;
import io.boxoffice.api.payment.StartCheckout;
import io.boxoffice.api.reservation.ReservationCancelled;
import io.boxoffice.api.reservation.ReservationExpired;
import io.boxoffice.api.reservation.ReservationPlaced;
import io.boxoffice.command.MovableClock;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The reservation's own decisions about payments. (Commands that also change its seats run in one unit of work
 * over several aggregates, which this fixture cannot host; they are tested against PostgreSQL in the app.)
 */
class ReservationTest {

    private static final String RESERVATION = "r-1";
    private static final Money AMOUNT = new Money(new BigDecimal("98.00"), "EUR");
    private static final Instant NOW = Instant.parse("2027-03-01T18:00:00Z");
    private static final Instant HELD_UNTIL = NOW.plus(Duration.ofMinutes(10));
    private static final ReservationPlaced PLACED = new ReservationPlaced(RESERVATION, "e-1", "alice",
            List.of("A-1-1", "A-1-2"), AMOUNT, HELD_UNTIL);

    private AggregateTestFixture<Reservation> fixture;
    private MovableClock clock;

    @BeforeEach
    void setUp() {
        clock = new MovableClock(NOW);
        fixture = new AggregateTestFixture<>(Reservation.class);
        fixture.registerInjectableResource(clock);
    }

    @Test
    void theOwnerOpensCheckoutForTheExactAmountOfALiveHold() {
        fixture.given(PLACED)
                .when(new StartCheckout(RESERVATION, "alice", "pay-1", AMOUNT))
                .expectEvents(new CheckoutStarted(RESERVATION, "pay-1", AMOUNT));
    }

    @Test
    void anotherFanCannotPayForTheReservationNorLearnThatItExists() {
        fixture.given(PLACED)
                .when(new StartCheckout(RESERVATION, "mallory", "pay-1", AMOUNT))
                .expectNoEvents()
                .expectException(ReservationNotFoundException.class);
    }

    @Test
    void anotherAmountIsRefused() {
        fixture.given(PLACED)
                .when(new StartCheckout(RESERVATION, "alice", "pay-1", new Money(new BigDecimal("1.00"), "EUR")))
                .expectNoEvents()
                .expectException(PaymentMismatchException.class);
    }

    @Test
    void aHoldPastItsEndCannotBePaidEvenBeforeItsDeadlineRan() {
        clock.set(HELD_UNTIL);
        fixture.given(PLACED)
                .when(new StartCheckout(RESERVATION, "alice", "pay-1", AMOUNT))
                .expectNoEvents()
                .expectException(ReservationNotPayableException.class);
    }

    @Test
    void anEndedReservationCannotBePaid() {
        fixture.given(PLACED, new ReservationCancelled(RESERVATION, "e-1", PLACED.seatIds()))
                .when(new StartCheckout(RESERVATION, "alice", "pay-1", AMOUNT))
                .expectException(ReservationNotPayableException.class);
        fixture.given(PLACED, new ReservationExpired(RESERVATION, "e-1", PLACED.seatIds()))
                .when(new StartCheckout(RESERVATION, "alice", "pay-1", AMOUNT))
                .expectException(ReservationNotPayableException.class);
    }

    @Test
    void aCheckoutRecordedTwiceChangesNothing() {
        fixture.given(PLACED, new CheckoutStarted(RESERVATION, "pay-1", AMOUNT))
                .when(new StartCheckout(RESERVATION, "alice", "pay-1", AMOUNT))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void theSameAmountWrittenWithOtherDecimalsIsTheSameAmount() {
        fixture.given(PLACED)
                .when(new StartCheckout(RESERVATION, "alice", "pay-1", new Money(new BigDecimal("98"), "EUR")))
                .expectSuccessfulHandlerExecution();
    }
}
