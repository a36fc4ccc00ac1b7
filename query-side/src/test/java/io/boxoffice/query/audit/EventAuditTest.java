package io.boxoffice.query.audit;

import io.boxoffice.api.catalog.EventCreated;
import io.boxoffice.api.catalog.Row;
import io.boxoffice.api.catalog.SeatPosition;
import io.boxoffice.api.catalog.Section;
import io.boxoffice.api.catalog.VenueCreated;
import io.boxoffice.api.common.Money;
import io.boxoffice.api.reservation.ReservationConfirmed;
import io.boxoffice.api.reservation.ReservationPlaced;
import io.boxoffice.api.reservation.Ticket;
import io.boxoffice.api.seat.ReleaseReason;
import io.boxoffice.api.seat.SeatHeld;
import io.boxoffice.api.seat.SeatKey;
import io.boxoffice.api.seat.SeatReleased;
import io.boxoffice.api.seat.SeatReturnedToSale;
import io.boxoffice.api.seat.SeatSold;
import io.boxoffice.api.seat.SeatWithheld;
import io.boxoffice.api.ticket.CheckInTicket;
import io.boxoffice.api.ticket.TicketCheckedIn;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * {@link EventAudit} over a real (in-memory) Axon event store: the events of seats, reservations and admissions are
 * appended as the aggregates would store them, with chosen timestamps, and the audit must find exactly the breaches
 * of I1 (sold and admitted once), I2 (one live hold at a time), I3 (holds within the window, sales within the hold)
 * and I4 (sold only with a verified payment of the reservation's amount), and count the seats by status now.
 */
class EventAuditTest {

    private static final String EVENT = "e-1";
    private static final String VENUE = "v-1";
    private static final Duration WINDOW = Duration.ofMinutes(10);
    /** When the audit runs; every history below happens before. */
    private static final Instant NOW = Instant.parse("2027-03-01T18:00:00Z");
    /** When the histories start: long enough ago that their holds have ended by {@link #NOW}. */
    private static final Instant T = NOW.minus(Duration.ofHours(1));
    private static final Money PRICE = new Money(new BigDecimal("49.00"), "EUR");

    private InMemoryEventStorageEngine storage;
    private EmbeddedEventStore eventStore;
    private final Map<String, Long> nextSequence = new HashMap<>();

    @BeforeEach
    void setUp() {
        storage = new InMemoryEventStorageEngine();
        eventStore = EmbeddedEventStore.builder().storageEngine(storage).build();
    }

    @AfterEach
    void tearDown() {
        eventStore.shutDown();
    }

    // --- the event store, as the aggregates write it ---

    /** Appends the next event of an aggregate, stamped {@code at}. */
    private void append(String type, String aggregateId, Instant at, Object payload) {
        long sequence = nextSequence.merge(aggregateId, 0L, (last, ignored) -> last + 1);
        eventStore.publish(new GenericDomainEventMessage<>(type, aggregateId, sequence, payload, Map.of(),
                UUID.randomUUID().toString(), at));
    }

    private void held(String seatId, String reservationId, Instant at, Instant until) {
        append("Seat", SeatKey.of(EVENT, seatId), at, new SeatHeld(EVENT, seatId, reservationId, "fan", until));
    }

    private void held(String seatId, String reservationId, Instant at) {
        held(seatId, reservationId, at, at.plus(WINDOW));
    }

    private void sold(String seatId, String reservationId, Instant at) {
        append("Seat", SeatKey.of(EVENT, seatId), at, new SeatSold(EVENT, seatId, reservationId, "fan"));
    }

    private void released(String seatId, String reservationId, Instant at) {
        append("Seat", SeatKey.of(EVENT, seatId), at,
                new SeatReleased(EVENT, seatId, reservationId, ReleaseReason.CANCELLED));
    }

    private void withheld(String seatId, Instant at) {
        append("Seat", SeatKey.of(EVENT, seatId), at, new SeatWithheld(EVENT, seatId));
    }

    private void returnedToSale(String seatId, Instant at) {
        append("Seat", SeatKey.of(EVENT, seatId), at, new SeatReturnedToSale(EVENT, seatId));
    }

    private void placed(String reservationId, Instant at, List<String> seatIds, Money amount) {
        append("Reservation", reservationId, at,
                new ReservationPlaced(reservationId, EVENT, "fan", seatIds, amount, at.plus(WINDOW)));
    }

    private void confirmed(String reservationId, Instant at, List<String> seatIds, Money amount,
                           String gatewayEventId) {
        append("Reservation", reservationId, at, new ReservationConfirmed(reservationId, EVENT, "fan", "pay-1",
                gatewayEventId, amount, seatIds.stream()
                .map(seatId -> new Ticket(Ticket.idOf(reservationId, seatId), EVENT, seatId, "fan")).toList()));
    }

    /** A reservation paid as it should be: placed, then confirmed by the gateway for its exact amount. */
    private void paid(String reservationId, Instant at, String... seatIds) {
        placed(reservationId, at, List.of(seatIds), PRICE);
        confirmed(reservationId, at.plusSeconds(60), List.of(seatIds), PRICE, "gw-" + reservationId);
    }

    /** Held, paid and sold within the hold: the history of a seat sold as it should be. */
    private void soldProperly(String seatId, String reservationId, Instant at) {
        held(seatId, reservationId, at);
        paid(reservationId, at, seatId);
        sold(seatId, reservationId, at.plusSeconds(60));
    }

    private void admitted(String seatId, String ticketId, Instant at) {
        append("Admission", CheckInTicket.admissionIdOf(EVENT, seatId), at,
                new TicketCheckedIn(EVENT, seatId, ticketId, "fan", at, "north", "scanner"));
    }

    private void eventAndVenue(VenueCreated venue) {
        append("Venue", venue.venueId(), T.minus(Duration.ofDays(30)), venue);
        append("Event", EVENT, T.minus(Duration.ofDays(29)), new EventCreated(EVENT, venue.venueId(), "Concert",
                NOW.plus(Duration.ofDays(7)), null, Map.of("STD", PRICE), null, null, null));
    }

    /** One section "A", one row "1", seats numbered 1..{@code seats}: seat ids A-1-1, A-1-2, ... */
    private static VenueCreated venue(int seats) {
        List<SeatPosition> positions = IntStream.rangeClosed(1, seats)
                .mapToObj(n -> new SeatPosition(Integer.toString(n), (double) n, 0.0)).toList();
        return new VenueCreated(VENUE, "Hall", "Lyon",
                List.of(new Section("A", "Stalls", "STD", List.of(new Row("1", positions)))), null, null);
    }

    private EventAudit audit(Duration holdDuration) {
        return new EventAudit(eventStore, Clock.fixed(NOW, ZoneOffset.UTC), new AuditProperties(holdDuration));
    }

    private VerificationReport verify(int seats) {
        return audit(WINDOW).verify(EVENT, venue(seats));
    }

    // --- a clean event ---

    @Test
    void aCleanHistoryHasNoViolationsAndCountsEverySeatByItsStatusNow() {
        soldProperly("A-1-1", "r-1", T);
        admitted("A-1-1", Ticket.idOf("r-1", "A-1-1"), T.plus(Duration.ofMinutes(30)));
        held("A-1-2", "r-2", NOW.minus(Duration.ofMinutes(1)));          // live now
        held("A-1-3", "r-3", T);                                           // ran out unpaid
        held("A-1-4", "r-4", T);
        released("A-1-4", "r-4", T.plusSeconds(30));
        // A-1-5 was never touched

        VerificationReport report = verify(5);

        assertThat(report.violations()).isEmpty();
        assertThat(report.clean()).isTrue();
        assertThat(report.eventId()).isEqualTo(EVENT);
        assertThat(report.verifiedAt()).isEqualTo(NOW);
        assertThat(report.seats()).isEqualTo(5);
        assertThat(report.seatsByStatus()).isEqualTo(Map.of("AVAILABLE", 3, "HELD", 1, "SOLD", 1, "HOUSE", 0));
        // seat events 2 + 1 + 1 + 2, one admission, and the two events of the one reservation a sale names
        assertThat(report.eventsReplayed()).isEqualTo(9);
    }

    @Test
    void aSeatHeldAgainAfterItsHoldWasReleasedIsNotI2() {
        held("A-1-1", "r-1", NOW.minus(Duration.ofMinutes(5)));
        released("A-1-1", "r-1", NOW.minus(Duration.ofMinutes(4)));
        held("A-1-1", "r-2", NOW.minus(Duration.ofMinutes(3)));

        VerificationReport report = verify(1);

        assertThat(report.violations()).isEmpty();
        assertThat(report.seatsByStatus()).containsEntry("HELD", 1).containsEntry("AVAILABLE", 0);
    }

    @Test
    void aSeatHeldAgainOnceTheFirstHoldHasRunOutIsNotI2() {
        held("A-1-1", "r-1", T);
        held("A-1-1", "r-2", T.plus(WINDOW).plusSeconds(1));

        assertThat(verify(1).violations()).isEmpty();
    }

    // --- I2 ---

    @Test
    void aSeatHeldWhileAnotherHoldIsLiveIsReportedAsI2() {
        held("A-1-1", "r-1", T);
        held("A-1-1", "r-2", T.plus(Duration.ofMinutes(1)));
        held("A-1-2", "r-3", T);                                           // another seat, fine

        VerificationReport report = verify(2);

        assertThat(report.clean()).isFalse();
        assertThat(report.violations())
                .extracting(Violation::invariant, Violation::seatId, Violation::reservationId)
                .containsExactly(tuple("I2", "A-1-1", "r-2"));
        Violation violation = report.violations().get(0);
        assertThat(violation.description()).contains("r-1");
        assertThat(violation.evidence()).extracting(AuditedEvent::sequenceNumber).containsExactly(0L, 1L);
        assertThat(violation.evidence()).extracting(event -> ((SeatHeld) event.payload()).reservationId())
                .containsExactly("r-1", "r-2");
    }

    // --- house seats ---

    @Test
    void houseSeatsWithheldAndReturnedToSaleAreCleanAndCountedAsHouseWhileWithheld() {
        withheld("A-1-1", T);
        withheld("A-1-2", T);
        returnedToSale("A-1-2", T.plusSeconds(60));
        soldProperly("A-1-2", "r-1", T.plusSeconds(120));
        held("A-1-3", "r-2", T);
        withheld("A-1-3", T.plus(WINDOW).plusSeconds(1));                // after the hold ran out: fine

        VerificationReport report = verify(4);

        assertThat(report.violations()).isEmpty();
        assertThat(report.seatsByStatus()).isEqualTo(Map.of("AVAILABLE", 1, "HELD", 0, "SOLD", 1, "HOUSE", 2));
    }

    @Test
    void aHouseSeatHeldOrSoldAndASeatWithheldWhileHeldOrSoldAreReported() {
        withheld("A-1-1", T);
        held("A-1-1", "r-1", T.plusSeconds(10));
        held("A-1-2", "r-2", T);
        withheld("A-1-2", T.plusSeconds(10));
        soldProperly("A-1-3", "r-3", T);
        withheld("A-1-3", T.plus(Duration.ofHours(1)));

        VerificationReport report = verify(3);

        assertThat(report.violations())
                .extracting(Violation::invariant, Violation::seatId, Violation::reservationId)
                .containsExactly(tuple("I2", "A-1-1", "r-1"), tuple("I2", "A-1-2", "r-2"),
                        tuple("I1", "A-1-3", "r-3"));
        assertThat(report.violations()).extracting(Violation::description).containsExactly(
                "held while the organizer withheld it", "withheld by the organizer while the hold of r-2 was live",
                "withheld by the organizer after it was sold");
    }

    @Test
    void aHouseSeatSoldIsReportedAsI1() {
        withheld("A-1-1", T);
        sold("A-1-1", "r-1", T.plusSeconds(10));

        assertThat(verify(1).violations()).extracting(Violation::invariant, Violation::description)
                .contains(tuple("I1", "sold while the organizer withheld it"));
    }

    // --- I1 ---

    @Test
    void aSeatSoldAndThenHeldAgainIsReportedAsI1() {
        soldProperly("A-1-1", "r-1", T);
        held("A-1-1", "r-2", T.plus(Duration.ofMinutes(20)));

        VerificationReport report = verify(1);

        assertThat(report.violations())
                .extracting(Violation::invariant, Violation::seatId, Violation::reservationId)
                .containsExactly(tuple("I1", "A-1-1", "r-2"));
        assertThat(report.violations().get(0).evidence()).extracting(AuditedEvent::type)
                .containsExactly("SeatSold", "SeatHeld");
        assertThat(report.seatsByStatus()).containsEntry("SOLD", 1).containsEntry("HELD", 0);
    }

    @Test
    void aSeatSoldTwiceIsReportedAsI1AndItsSecondSaleOutsideAnyHoldAsI3() {
        soldProperly("A-1-1", "r-1", T);
        paid("r-2", T.plus(Duration.ofMinutes(5)), "A-1-1");
        sold("A-1-1", "r-2", T.plus(Duration.ofMinutes(6)));

        VerificationReport report = verify(1);

        assertThat(report.violations())
                .extracting(Violation::invariant, Violation::seatId, Violation::reservationId)
                .containsExactlyInAnyOrder(tuple("I1", "A-1-1", "r-2"), tuple("I3", "A-1-1", "r-2"));
        Violation soldAgain = report.violations().stream().filter(v -> v.invariant().equals("I1")).findFirst()
                .orElseThrow();
        assertThat(soldAgain.description()).contains("r-1");
        assertThat(soldAgain.evidence()).extracting(event -> ((SeatSold) event.payload()).reservationId())
                .containsExactly("r-1", "r-2");
        assertThat(report.seatsByStatus()).containsEntry("SOLD", 1);
    }

    @Test
    void aSeatAdmittedTwiceIsReportedAsI1() {
        soldProperly("A-1-1", "r-1", T);
        String ticket = Ticket.idOf("r-1", "A-1-1");
        admitted("A-1-1", ticket, T.plus(Duration.ofMinutes(30)));
        admitted("A-1-1", ticket, T.plus(Duration.ofMinutes(31)));

        VerificationReport report = verify(1);

        assertThat(report.violations())
                .extracting(Violation::invariant, Violation::seatId, Violation::reservationId, Violation::description)
                .containsExactly(tuple("I1", "A-1-1", "r-1", "admitted twice"));
        assertThat(report.violations().get(0).evidence()).extracting(AuditedEvent::sequenceNumber)
                .containsExactly(0L, 1L);
    }

    @Test
    void anAdmissionWithAnotherTicketThanTheOneTheSeatWasSoldWithIsReportedAsI1() {
        soldProperly("A-1-1", "r-1", T);
        admitted("A-1-1", Ticket.idOf("r-forged", "A-1-1"), T.plus(Duration.ofMinutes(30)));

        VerificationReport report = verify(1);

        assertThat(report.violations())
                .extracting(Violation::invariant, Violation::seatId, Violation::reservationId)
                .containsExactly(tuple("I1", "A-1-1", "r-1"));
        assertThat(report.violations().get(0).description()).contains(Ticket.idOf("r-forged", "A-1-1"));
    }

    @Test
    void anAdmissionToASeatNeverSoldIsReportedAsI1() {
        admitted("A-1-2", Ticket.idOf("r-1", "A-1-2"), T);

        VerificationReport report = verify(2);

        assertThat(report.violations())
                .extracting(Violation::invariant, Violation::seatId, Violation::reservationId)
                .containsExactly(tuple("I1", "A-1-2", null));
        assertThat(report.seatsByStatus()).containsEntry("AVAILABLE", 2);
        assertThat(report.eventsReplayed()).isEqualTo(1);
    }

    // --- I3 ---

    @Test
    void aHoldLongerThanTheConfiguredWindowIsReportedAsI3() {
        Duration window = Duration.ofMinutes(2);
        held("A-1-1", "r-1", T, T.plus(window).plusSeconds(6));            // 5 s of clock skew are forgiven

        VerificationReport report = audit(window).verify(EVENT, venue(1));

        assertThat(report.violations())
                .extracting(Violation::invariant, Violation::seatId, Violation::reservationId)
                .containsExactly(tuple("I3", "A-1-1", "r-1"));
        assertThat(report.violations().get(0).description()).contains(window.toString());
    }

    @Test
    void aHoldWithinTheWindowAndItsClockToleranceIsNotI3() {
        Duration window = Duration.ofMinutes(2);
        held("A-1-1", "r-1", T, T.plus(window).plusSeconds(5));
        held("A-1-2", "r-2", T, T.plus(window));

        assertThat(audit(window).verify(EVENT, venue(2)).violations()).isEmpty();
        // the same holds, audited against a shorter configured window
        assertThat(audit(Duration.ofMinutes(1)).verify(EVENT, venue(2)).violations())
                .extracting(Violation::invariant, Violation::seatId)
                .containsExactly(tuple("I3", "A-1-1"), tuple("I3", "A-1-2"));
    }

    @Test
    void aSaleAfterTheHoldEndedIsReportedAsI3() {
        held("A-1-1", "r-1", T);
        paid("r-1", T, "A-1-1");
        sold("A-1-1", "r-1", T.plus(WINDOW).plusSeconds(2));               // 1 s of slack is forgiven

        VerificationReport report = verify(1);

        assertThat(report.violations())
                .extracting(Violation::invariant, Violation::seatId, Violation::reservationId)
                .containsExactly(tuple("I3", "A-1-1", "r-1"));
        assertThat(report.violations().get(0).evidence()).extracting(AuditedEvent::type)
                .containsExactly("SeatHeld", "SeatSold");
    }

    @Test
    void aSaleWithinTheSlackAfterTheHoldEndsIsNotI3() {
        held("A-1-1", "r-1", T);
        paid("r-1", T, "A-1-1");
        sold("A-1-1", "r-1", T.plus(WINDOW).plusMillis(500));

        assertThat(verify(1).violations()).isEmpty();
    }

    @Test
    void aSaleToAnotherReservationThanTheLiveHoldsIsReportedAsI3() {
        held("A-1-1", "r-1", T);
        paid("r-2", T, "A-1-1");
        sold("A-1-1", "r-2", T.plusSeconds(60));

        assertThat(verify(1).violations())
                .extracting(Violation::invariant, Violation::seatId, Violation::reservationId)
                .containsExactly(tuple("I3", "A-1-1", "r-2"));
    }

    @Test
    void aSaleAfterTheHoldWasReleasedIsReportedAsI3() {
        held("A-1-1", "r-1", T);
        paid("r-1", T, "A-1-1");
        released("A-1-1", "r-1", T.plusSeconds(30));
        sold("A-1-1", "r-1", T.plusSeconds(60));

        VerificationReport report = verify(1);

        assertThat(report.violations())
                .extracting(Violation::invariant, Violation::seatId, Violation::reservationId)
                .containsExactly(tuple("I3", "A-1-1", "r-1"));
        assertThat(report.violations().get(0).evidence()).extracting(AuditedEvent::type)
                .containsExactly("SeatSold");
    }

    // --- I4 ---

    @Test
    void aSaleOfAReservationNeverConfirmedIsReportedAsI4() {
        held("A-1-1", "r-1", T);
        placed("r-1", T, List.of("A-1-1"), PRICE);
        sold("A-1-1", "r-1", T.plusSeconds(60));

        VerificationReport report = verify(1);

        assertThat(report.violations())
                .extracting(Violation::invariant, Violation::seatId, Violation::reservationId)
                .containsExactly(tuple("I4", "A-1-1", "r-1"));
        // the evidence is the reservation's history, then the sale
        assertThat(report.violations().get(0).evidence()).extracting(AuditedEvent::type)
                .containsExactly("ReservationPlaced", "SeatSold");
    }

    @Test
    void aSaleConfirmedForAnotherAmountThanTheReservationsIsReportedAsI4() {
        held("A-1-1", "r-1", T);
        placed("r-1", T, List.of("A-1-1"), PRICE);
        confirmed("r-1", T.plusSeconds(30), List.of("A-1-1"), new Money(new BigDecimal("1.00"), "EUR"), "gw-1");
        sold("A-1-1", "r-1", T.plusSeconds(60));

        assertThat(verify(1).violations())
                .extracting(Violation::invariant, Violation::seatId, Violation::reservationId)
                .containsExactly(tuple("I4", "A-1-1", "r-1"));
    }

    @Test
    void aSaleConfirmedWithoutAGatewayEventIsReportedAsI4() {
        held("A-1-1", "r-1", T);
        placed("r-1", T, List.of("A-1-1"), PRICE);
        confirmed("r-1", T.plusSeconds(30), List.of("A-1-1"), PRICE, null);
        sold("A-1-1", "r-1", T.plusSeconds(60));

        assertThat(verify(1).violations())
                .extracting(Violation::invariant, Violation::seatId, Violation::reservationId)
                .containsExactly(tuple("I4", "A-1-1", "r-1"));
    }

    @Test
    void aReservationSoldSeveralSeatsIsCleanAndItsEventsAreReplayedOnce() {
        held("A-1-1", "r-1", T);
        held("A-1-2", "r-1", T);
        paid("r-1", T, "A-1-1", "A-1-2");
        sold("A-1-1", "r-1", T.plusSeconds(60));
        sold("A-1-2", "r-1", T.plusSeconds(60));

        VerificationReport report = verify(2);

        assertThat(report.violations()).isEmpty();
        assertThat(report.seatsByStatus()).containsEntry("SOLD", 2);
        assertThat(report.eventsReplayed()).isEqualTo(4 + 2);
    }

    // --- a whole event ---

    @Test
    void violationsOfEverySeatAreFoundAndReportedInSeatIdOrder() {
        // more seats than one of the audit's readers reads, so that every reader's share has a breach
        List<String> breached = List.of("A-1-2", "A-1-5", "A-1-9", "A-1-12");
        for (String seatId : breached) {
            held(seatId, "first-" + seatId, T);
            held(seatId, "second-" + seatId, T.plusSeconds(10));
        }

        VerificationReport report = verify(12);

        assertThat(report.violations()).extracting(Violation::invariant).containsOnly("I2");
        assertThat(report.violations()).extracting(Violation::seatId)
                .containsExactly("A-1-12", "A-1-2", "A-1-5", "A-1-9");
        assertThat(report.seatsByStatus()).containsEntry("AVAILABLE", 12);
    }

    @Test
    void eventsOfOtherEventsSeatsAreNotAudited() {
        append("Seat", SeatKey.of("e-2", "A-1-1"), T, new SeatHeld("e-2", "A-1-1", "r-1", "fan", T.plus(WINDOW)));
        append("Seat", SeatKey.of("e-2", "A-1-1"), T.plusSeconds(1),
                new SeatHeld("e-2", "A-1-1", "r-2", "fan", T.plus(WINDOW)));

        VerificationReport report = verify(1);

        assertThat(report.violations()).isEmpty();
        assertThat(report.eventsReplayed()).isZero();
    }

    // --- reading the event store ---

    @Test
    void aSeatsHistoryIsItsOwnEventsInOrder() {
        Instant at = T.plusSeconds(7);
        held("A-1-1", "r-1", at);
        held("A-1-2", "r-2", at);
        released("A-1-1", "r-1", at.plusSeconds(3));
        admitted("A-1-1", "ticket", at.plusSeconds(4));

        List<AuditedEvent> history = audit(WINDOW).history(EVENT, "A-1-1");

        assertThat(history).extracting(AuditedEvent::aggregateId, AuditedEvent::sequenceNumber,
                        AuditedEvent::timestamp, AuditedEvent::type)
                .containsExactly(tuple("e-1/A-1-1", 0L, at, "SeatHeld"),
                        tuple("e-1/A-1-1", 1L, at.plusSeconds(3), "SeatReleased"));
        assertThat(history.get(0).payload()).isEqualTo(new SeatHeld(EVENT, "A-1-1", "r-1", "fan", at.plus(WINDOW)));
        assertThat(audit(WINDOW).history(EVENT, "A-1-3")).isEmpty();
    }

    @Test
    void theVenueOfAnEventIsTheOneItsCreationNames() {
        VenueCreated venue = venue(3);
        eventAndVenue(venue);

        assertThat(audit(WINDOW).venueOf(EVENT)).contains(venue);
        assertThat(audit(WINDOW).venueOf("no-such-event")).isEmpty();
        // an aggregate that is not an event has no venue
        assertThat(audit(WINDOW).venueOf(VENUE)).isEmpty();
    }
}
