package io.boxoffice.command.reservation;

import io.boxoffice.api.reservation.FanTicketsBought;
import io.boxoffice.api.reservation.FanTicketsHeld;
import io.boxoffice.api.reservation.FanTicketsReleased;
import io.boxoffice.command.MovableClock;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * A fan's allowance in one event: held and bought seats count, ended holds do not, the limit is never passed (as
 * the reservation's commands invoke it: it handles no command).
 */
class FanTicketsTest {

    private static final String EVENT = "e-1";
    private static final String FAN = "alice";
    private static final String ID = FanTickets.idOf(EVENT, FAN);
    private static final Instant NOW = Instant.parse("2027-03-01T18:00:00Z");
    private static final Instant HELD_UNTIL = NOW.plus(Duration.ofMinutes(10));

    private AggregateTestFixture<FanTickets> fixture;
    private MovableClock clock;

    @BeforeEach
    void setUp() {
        clock = new MovableClock(NOW);
        fixture = new AggregateTestFixture<>(FanTickets.class);
    }

    private Consumer<FanTickets> hold(String reservationId, int seats) {
        return tickets -> tickets.hold(EVENT, FAN, reservationId, seats, HELD_UNTIL, 8, clock.instant());
    }

    private static FanTicketsHeld held(String reservationId, int seats) {
        return new FanTicketsHeld(EVENT, FAN, reservationId, seats, HELD_UNTIL);
    }

    @Test
    void aFirstHoldWithinTheLimitIsCounted() {
        fixture.givenNoPriorActivity()
                .whenConstructing(() -> {
                    FanTickets tickets = new FanTickets();
                    hold("r-1", 8).accept(tickets);
                    return tickets;
                })
                .expectEvents(held("r-1", 8));
    }

    @Test
    void seatsOverAllReservationsCountTowardTheLimit() {
        fixture.given(held("r-1", 5))
                .whenInvoking(ID, hold("r-2", 4))
                .expectNoEvents()
                .expectException(TicketLimitReachedException.class);
    }

    @Test
    void boughtSeatsCountForGood() {
        clock.set(HELD_UNTIL.plus(Duration.ofDays(1)));
        fixture.given(held("r-1", 6), new FanTicketsBought(EVENT, FAN, "r-1"))
                .whenInvoking(ID, hold("r-2", 3))
                .expectException(TicketLimitReachedException.class);
    }

    @Test
    void aHoldPastItsEndNoLongerCountsEvenBeforeItsReleaseIsWritten() {
        clock.set(HELD_UNTIL);
        fixture.given(held("r-1", 8))
                .whenInvoking(ID, hold("r-2", 8))
                .expectEvents(held("r-2", 8));
    }

    @Test
    void aCancelledReservationGivesItsSeatsBack() {
        fixture.given(held("r-1", 8), new FanTicketsReleased(EVENT, FAN, "r-1"))
                .whenInvoking(ID, hold("r-2", 8))
                .expectEvents(held("r-2", 8));
    }

    @Test
    void countingTheSameReservationAgainHasNoEffect() {
        fixture.given(held("r-1", 8))
                .whenInvoking(ID, hold("r-1", 8))
                .expectNoEvents();
    }

    @Test
    void aBoughtReservationIsNotReleased() {
        fixture.given(held("r-1", 2), new FanTicketsBought(EVENT, FAN, "r-1"))
                .whenInvoking(ID, tickets -> tickets.release("r-1"))
                .expectNoEvents();
    }

    @Test
    void buyingIsRecordedOnce() {
        fixture.given(held("r-1", 2))
                .whenInvoking(ID, tickets -> tickets.buy("r-1"))
                .expectEvents(new FanTicketsBought(EVENT, FAN, "r-1"));
        fixture.given(held("r-1", 2), new FanTicketsBought(EVENT, FAN, "r-1"))
                .whenInvoking(ID, tickets -> tickets.buy("r-1"))
                .expectNoEvents();
    }
}
