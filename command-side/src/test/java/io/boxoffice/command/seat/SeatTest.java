package io.boxoffice.command.seat;

import io.boxoffice.api.seat.ReleaseReason;
import io.boxoffice.api.seat.SeatHeld;
import io.boxoffice.api.seat.SeatKey;
import io.boxoffice.api.seat.SeatReleased;
import io.boxoffice.api.seat.SeatReturnedToSale;
import io.boxoffice.api.seat.SeatSold;
import io.boxoffice.api.seat.SeatWithheld;
import io.boxoffice.command.MovableClock;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;

/** A seat's decisions, as the reservation's commands invoke them on the aggregate (a seat handles no command). */
class SeatTest {

    private static final String EVENT = "event-1";
    private static final String SEAT = "A-1-1";
    private static final Instant NOW = Instant.parse("2027-03-01T18:00:00Z");
    private static final String KEY = SeatKey.of(EVENT, SEAT);
    private static final Instant HELD_UNTIL = NOW.plus(Duration.ofMinutes(10));

    private AggregateTestFixture<Seat> fixture;
    private MovableClock clock;

    @BeforeEach
    void setUp() {
        clock = new MovableClock(NOW);
        fixture = new AggregateTestFixture<>(Seat.class);
    }

    private Consumer<Seat> reserve(String reservationId, String userId, Instant heldUntil) {
        return seat -> seat.reserve(EVENT, SEAT, reservationId, userId, heldUntil, clock.instant());
    }

    private Consumer<Seat> confirm(String reservationId) {
        return seat -> seat.confirm(reservationId, clock.instant());
    }

    private static Consumer<Seat> release(String reservationId, ReleaseReason reason) {
        return seat -> seat.release(reservationId, reason);
    }

    private Consumer<Seat> withhold() {
        return seat -> seat.withhold(EVENT, SEAT, clock.instant());
    }

    private static final SeatWithheld WITHHELD = new SeatWithheld(EVENT, SEAT);

    private static SeatHeld held(String reservationId, String userId, Instant heldUntil) {
        return new SeatHeld(EVENT, SEAT, reservationId, userId, heldUntil);
    }

    // --- reserve ---

    @Test
    void aSeatNeverReservedIsHeldByItsFirstReservation() {
        fixture.givenNoPriorActivity()
                .whenConstructing(() -> {
                    Seat seat = new Seat();
                    reserve("r1", "alice", HELD_UNTIL).accept(seat);
                    return seat;
                })
                .expectSuccessfulHandlerExecution()
                .expectEvents(held("r1", "alice", HELD_UNTIL));
    }

    @Test
    void aLiveHoldRefusesAnotherReservation() {
        fixture.given(held("r1", "alice", HELD_UNTIL))
                .whenInvoking(KEY, reserve("r2", "bob", HELD_UNTIL.plusSeconds(60)))
                .expectNoEvents()
                .expectException(SeatTakenException.class)
                .expectExceptionMessage("seat A-1-1 is held until " + HELD_UNTIL);
    }

    @Test
    void theSameReservationAskingAgainChangesNothing() {
        fixture.given(held("r1", "alice", HELD_UNTIL))
                .whenInvoking(KEY, reserve("r1", "alice", HELD_UNTIL))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aHoldPastItsEndCountsAsEndedBeforeItsReleaseIsWritten() {
        clock.set(HELD_UNTIL);
        Instant later = HELD_UNTIL.plus(Duration.ofMinutes(10));
        fixture.given(held("r1", "alice", HELD_UNTIL))
                .whenInvoking(KEY, reserve("r2", "bob", later))
                .expectEvents(new SeatReleased(EVENT, SEAT, "r1", ReleaseReason.EXPIRED),
                        held("r2", "bob", later));
    }

    @Test
    void oneMillisecondBeforeItsEndTheHoldStillCounts() {
        clock.set(HELD_UNTIL.minusMillis(1));
        fixture.given(held("r1", "alice", HELD_UNTIL))
                .whenInvoking(KEY, reserve("r2", "bob", HELD_UNTIL.plusSeconds(600)))
                .expectNoEvents()
                .expectException(SeatTakenException.class);
    }

    @Test
    void aReleasedSeatCanBeHeldAgain() {
        fixture.given(held("r1", "alice", HELD_UNTIL),
                        new SeatReleased(EVENT, SEAT, "r1", ReleaseReason.CANCELLED))
                .whenInvoking(KEY, reserve("r2", "bob", HELD_UNTIL))
                .expectEvents(held("r2", "bob", HELD_UNTIL));
    }

    @Test
    void aSoldSeatIsNeverHeldAgainNotEvenAfterItsHoldWouldHaveEnded() {
        clock.set(HELD_UNTIL.plus(Duration.ofDays(1)));
        fixture.given(held("r1", "alice", HELD_UNTIL), new SeatSold(EVENT, SEAT, "r1", "alice"))
                .whenInvoking(KEY, reserve("r2", "bob", HELD_UNTIL.plus(Duration.ofDays(2))))
                .expectNoEvents()
                .expectException(SeatTakenException.class)
                .expectExceptionMessage("seat A-1-1 is sold");
    }

    // --- confirm ---

    @Test
    void theHoldingReservationBuysTheSeat() {
        fixture.given(held("r1", "alice", HELD_UNTIL))
                .whenInvoking(KEY, confirm("r1"))
                .expectEvents(new SeatSold(EVENT, SEAT, "r1", "alice"));
    }

    @Test
    void confirmingTwiceSellsOnce() {
        fixture.given(held("r1", "alice", HELD_UNTIL), new SeatSold(EVENT, SEAT, "r1", "alice"))
                .whenInvoking(KEY, confirm("r1"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void anotherReservationCannotBuyAHeldSeat() {
        fixture.given(held("r1", "alice", HELD_UNTIL))
                .whenInvoking(KEY, confirm("r2"))
                .expectNoEvents()
                .expectException(SeatNotHeldException.class);
    }

    @Test
    void aSeatSoldToOneReservationCannotBeSoldToAnother() {
        fixture.given(held("r1", "alice", HELD_UNTIL), new SeatSold(EVENT, SEAT, "r1", "alice"))
                .whenInvoking(KEY, confirm("r2"))
                .expectNoEvents()
                .expectException(SeatNotHeldException.class);
    }

    @Test
    void aReleasedHoldCannotBeConfirmed() {
        fixture.given(held("r1", "alice", HELD_UNTIL),
                        new SeatReleased(EVENT, SEAT, "r1", ReleaseReason.CANCELLED))
                .whenInvoking(KEY, confirm("r1"))
                .expectNoEvents()
                .expectException(SeatNotHeldException.class);
    }

    @Test
    void aPaymentAfterTheHoldEndedDoesNotBuyTheSeat() {
        clock.set(HELD_UNTIL);
        fixture.given(held("r1", "alice", HELD_UNTIL))
                .whenInvoking(KEY, confirm("r1"))
                .expectNoEvents()
                .expectException(HoldEndedException.class);
    }

    // --- release ---

    @Test
    void theHoldingReservationReleasesTheSeat() {
        fixture.given(held("r1", "alice", HELD_UNTIL))
                .whenInvoking(KEY, release("r1", ReleaseReason.CANCELLED))
                .expectEvents(new SeatReleased(EVENT, SEAT, "r1", ReleaseReason.CANCELLED));
    }

    @Test
    void releasingTwiceReleasesOnce() {
        fixture.given(held("r1", "alice", HELD_UNTIL), new SeatReleased(EVENT, SEAT, "r1", ReleaseReason.EXPIRED))
                .whenInvoking(KEY, release("r1", ReleaseReason.EXPIRED))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void anotherReservationCannotReleaseTheHold() {
        fixture.given(held("r1", "alice", HELD_UNTIL))
                .whenInvoking(KEY, release("r2", ReleaseReason.CANCELLED))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void theOldReservationCannotReleaseTheNextHolder() {
        fixture.given(held("r1", "alice", HELD_UNTIL),
                        new SeatReleased(EVENT, SEAT, "r1", ReleaseReason.EXPIRED),
                        held("r2", "bob", HELD_UNTIL.plusSeconds(600)))
                .whenInvoking(KEY, release("r1", ReleaseReason.EXPIRED))
                .expectNoEvents();
    }

    @Test
    void aSoldSeatIsNotReleased() {
        fixture.given(held("r1", "alice", HELD_UNTIL), new SeatSold(EVENT, SEAT, "r1", "alice"))
                .whenInvoking(KEY, release("r1", ReleaseReason.PAYMENT_FAILED))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    // --- house seats ---

    @Test
    void aSeatNeverReservedIsWithheldByTheOrganizer() {
        fixture.givenNoPriorActivity()
                .whenConstructing(() -> {
                    Seat seat = new Seat();
                    withhold().accept(seat);
                    return seat;
                })
                .expectSuccessfulHandlerExecution()
                .expectEvents(WITHHELD);
    }

    @Test
    void aWithheldSeatRefusesFansLikeATakenOne() {
        fixture.given(WITHHELD)
                .whenInvoking(KEY, reserve("r1", "alice", HELD_UNTIL))
                .expectNoEvents()
                .expectException(SeatTakenException.class)
                .expectExceptionMessage("seat A-1-1 is withheld by the organizer");
    }

    @Test
    void aSeatReturnedToSaleCanBeHeld() {
        fixture.given(WITHHELD, new SeatReturnedToSale(EVENT, SEAT))
                .whenInvoking(KEY, reserve("r1", "alice", HELD_UNTIL))
                .expectEvents(held("r1", "alice", HELD_UNTIL));
    }

    @Test
    void aSeatAFanHoldsOrOwnsCannotBeWithheld() {
        fixture.given(held("r1", "alice", HELD_UNTIL))
                .whenInvoking(KEY, withhold())
                .expectNoEvents()
                .expectException(SeatTakenException.class);
        fixture.given(held("r1", "alice", HELD_UNTIL), new SeatSold(EVENT, SEAT, "r1", "alice"))
                .whenInvoking(KEY, withhold())
                .expectNoEvents()
                .expectException(SeatTakenException.class)
                .expectExceptionMessage("seat A-1-1 is sold");
    }

    @Test
    void aHoldPastItsEndIsReleasedBeforeTheSeatIsWithheld() {
        clock.set(HELD_UNTIL);
        fixture.given(held("r1", "alice", HELD_UNTIL))
                .whenInvoking(KEY, withhold())
                .expectEvents(new SeatReleased(EVENT, SEAT, "r1", ReleaseReason.EXPIRED), WITHHELD);
    }

    @Test
    void withholdingAndReturningTwiceChangeOnce() {
        fixture.given(WITHHELD)
                .whenInvoking(KEY, withhold())
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        fixture.given(WITHHELD, new SeatReturnedToSale(EVENT, SEAT))
                .whenInvoking(KEY, Seat::returnToSale)
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aSeatThatIsNotWithheldIsNotReturnedToSale() {
        fixture.given(held("r1", "alice", HELD_UNTIL))
                .whenInvoking(KEY, Seat::returnToSale)
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aWithheldSeatIsReturnedToSale() {
        fixture.given(WITHHELD)
                .whenInvoking(KEY, Seat::returnToSale)
                .expectEvents(new SeatReturnedToSale(EVENT, SEAT));
    }
}
