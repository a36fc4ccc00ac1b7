package io.boxoffice.command.catalog;

import io.boxoffice.api.catalog.AccessibleSeatsReleased;
import io.boxoffice.api.catalog.ChangeEvent;
import io.boxoffice.api.catalog.ChangeSalesState;
import io.boxoffice.api.catalog.CreateEvent;
import io.boxoffice.api.catalog.EventChanged;
import io.boxoffice.api.catalog.EventCreated;
import io.boxoffice.api.catalog.ReleaseAccessibleSeats;
import io.boxoffice.api.catalog.SalesState;
import io.boxoffice.api.catalog.SalesStateChanged;
import io.boxoffice.api.catalog.SeatLayout;
import io.boxoffice.api.common.Money;
import io.boxoffice.command.MovableClock;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** An event's changes and sales, as its organizer drives them. */
class TicketedEventTest {

    private static final SeatLayout LAYOUT = SeatLayout.of(List.of("primary", "shard-1"),
            Map.of("north", List.of("A", "B")));
    private static final String EVENT = "event-1";
    private static final Instant NOW = Instant.parse("2027-03-01T18:00:00Z");
    private static final Instant SALES_START = NOW.plus(Duration.ofDays(1));
    private static final Instant STARTS = NOW.plus(Duration.ofDays(30));
    private static final Map<String, Money> PRICES = Map.of("FLOOR", euros("49.00"));
    private static final EventCreated ON_SALE_LATER = created(SALES_START);
    private static final EventCreated ON_SALE_AT_ONCE = created(null);

    private AggregateTestFixture<TicketedEvent> fixture;
    private MovableClock clock;

    @BeforeEach
    void setUp() {
        clock = new MovableClock(NOW);
        fixture = new AggregateTestFixture<>(TicketedEvent.class);
        fixture.registerInjectableResource(clock);
    }

    private static Money euros(String amount) {
        return new Money(new BigDecimal(amount), "EUR");
    }

    private static EventCreated created(Instant salesStartAt) {
        return new EventCreated(EVENT, "venue-1", "Jazz", STARTS, salesStartAt, PRICES, null, 8, "olga", LAYOUT);
    }

    private static ChangeSalesState sales(SalesState wanted) {
        return new ChangeSalesState(EVENT, wanted);
    }

    private static SalesStateChanged salesNow(SalesState state) {
        return new SalesStateChanged(EVENT, state);
    }

    @Test
    void theEventRecordsItsOrganizer() {
        fixture.givenNoPriorActivity()
                .when(new CreateEvent(EVENT, "venue-1", "Jazz", STARTS, SALES_START, PRICES, null, 8, "olga", LAYOUT))
                .expectEvents(ON_SALE_LATER);
    }

    // --- changes before sales open ---

    @Test
    void beforeSalesOpenTheOrganizerRenamesTheEventAndChangesItsPrices() {
        Map<String, Money> cheaper = Map.of("FLOOR", euros("39.00"));
        fixture.given(ON_SALE_LATER)
                .when(new ChangeEvent(EVENT, "Late Jazz", cheaper))
                .expectEvents(new EventChanged(EVENT, "Late Jazz", cheaper));
    }

    @Test
    void aChangeOfOnlyTheNameKeepsThePrices() {
        fixture.given(ON_SALE_LATER)
                .when(new ChangeEvent(EVENT, "Late Jazz", null))
                .expectEvents(new EventChanged(EVENT, "Late Jazz", PRICES));
    }

    @Test
    void aChangeToWhatTheEventIsAlreadyChangesNothing() {
        fixture.given(ON_SALE_LATER)
                .when(new ChangeEvent(EVENT, "Jazz", PRICES))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void onceSalesOpenedAtTheirTimeTheEventCannotChange() {
        clock.set(SALES_START);
        fixture.given(ON_SALE_LATER)
                .when(new ChangeEvent(EVENT, "Late Jazz", null))
                .expectNoEvents()
                .expectException(SalesStateRefusedException.class)
                .expectExceptionMessage("sales of event event-1 are open: it can be changed only before its sales open");
    }

    @Test
    void anEventOnSaleAtOnceOrOpenedEarlyCannotChange() {
        fixture.given(ON_SALE_AT_ONCE)
                .when(new ChangeEvent(EVENT, "Late Jazz", null))
                .expectException(SalesStateRefusedException.class);
        fixture.given(ON_SALE_LATER, salesNow(SalesState.OPEN))
                .when(new ChangeEvent(EVENT, "Late Jazz", null))
                .expectNoEvents()
                .expectException(SalesStateRefusedException.class);
    }

    // --- sales ---

    @Test
    void theOrganizerOpensSalesBeforeTheirTime() {
        fixture.given(ON_SALE_LATER)
                .when(sales(SalesState.OPEN))
                .expectEvents(salesNow(SalesState.OPEN));
    }

    @Test
    void openingSalesThatAreOpenChangesNothing() {
        clock.set(SALES_START);
        fixture.given(ON_SALE_LATER)
                .when(sales(SalesState.OPEN))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void openSalesArePausedAndResumed() {
        fixture.given(ON_SALE_AT_ONCE)
                .when(sales(SalesState.PAUSED))
                .expectEvents(salesNow(SalesState.PAUSED));
        fixture.given(ON_SALE_AT_ONCE, salesNow(SalesState.PAUSED))
                .when(sales(SalesState.OPEN))
                .expectEvents(salesNow(SalesState.OPEN));
    }

    @Test
    void salesThatHaveNotOpenedCannotBePaused() {
        fixture.given(ON_SALE_LATER)
                .when(sales(SalesState.PAUSED))
                .expectNoEvents()
                .expectException(SalesStateRefusedException.class)
                .expectExceptionMessage("sales of event event-1 are scheduled: they cannot become PAUSED");
    }

    @Test
    void pausedSalesStayPausedWhenTheirOpeningTimeComes() {
        clock.set(SALES_START.plus(Duration.ofHours(1)));
        fixture.given(ON_SALE_LATER, salesNow(SalesState.OPEN), salesNow(SalesState.PAUSED))
                .when(new ChangeEvent(EVENT, "Late Jazz", null))
                .expectException(SalesStateRefusedException.class)
                .expectExceptionMessage("sales of event event-1 are paused: it can be changed only before its sales open");
    }

    @Test
    void salesCloseFromAnyStateAndForGood() {
        fixture.given(ON_SALE_LATER)
                .when(sales(SalesState.CLOSED))
                .expectEvents(salesNow(SalesState.CLOSED));
        fixture.given(ON_SALE_AT_ONCE, salesNow(SalesState.PAUSED))
                .when(sales(SalesState.CLOSED))
                .expectEvents(salesNow(SalesState.CLOSED));
        fixture.given(ON_SALE_AT_ONCE, salesNow(SalesState.CLOSED))
                .when(sales(SalesState.OPEN))
                .expectNoEvents()
                .expectException(SalesStateRefusedException.class);
        fixture.given(ON_SALE_AT_ONCE, salesNow(SalesState.CLOSED))
                .when(sales(SalesState.CLOSED))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void salesAreNeverScheduledAgain() {
        fixture.given(ON_SALE_AT_ONCE)
                .when(sales(SalesState.SCHEDULED))
                .expectNoEvents()
                .expectException(SalesStateRefusedException.class);
    }

    // --- accessible seats ---

    @Test
    void accessibleSeatsAreReleasedToGeneralSaleOnce() {
        fixture.given(ON_SALE_AT_ONCE)
                .when(new ReleaseAccessibleSeats(EVENT))
                .expectEvents(new AccessibleSeatsReleased(EVENT));
        fixture.given(ON_SALE_AT_ONCE, new AccessibleSeatsReleased(EVENT))
                .when(new ReleaseAccessibleSeats(EVENT))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }
}
