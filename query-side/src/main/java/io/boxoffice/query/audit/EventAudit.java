package io.boxoffice.query.audit;

import io.boxoffice.api.catalog.EventCreated;
import io.boxoffice.api.catalog.Section;
import io.boxoffice.api.catalog.VenueCreated;
import io.boxoffice.api.reservation.ReservationConfirmed;
import io.boxoffice.api.reservation.ReservationPlaced;
import io.boxoffice.api.reservation.Ticket;
import io.boxoffice.api.seat.SeatHeld;
import io.boxoffice.api.seat.SeatKey;
import io.boxoffice.api.seat.SeatReleased;
import io.boxoffice.api.seat.SeatReturnedToSale;
import io.boxoffice.api.seat.SeatSold;
import io.boxoffice.api.seat.SeatWithheld;
import io.boxoffice.api.ticket.CheckInTicket;
import io.boxoffice.api.ticket.TicketCheckedIn;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The auditors' replay: straight from the event store, never from a read model. {@link #verify} rebuilds every
 * seat's history of one event and checks I1 (sold at most once, and never while withheld by the organizer), I2 (one
 * live hold at a time, and none on a house seat), I3 (holds last the configured window, sales happen within the hold)
 * and I4 (sold only to a reservation confirmed by a verified payment of its exact amount).
 */
@Component
public class EventAudit {

    /** Clock differences between nodes that the hold-window check forgives. */
    private static final Duration TOLERANCE = Duration.ofSeconds(5);
    /** Between the Seat's check that its hold is live and the timestamp of the sale it then writes. */
    private static final Duration SALE_SLACK = Duration.ofSeconds(1);

    /** Concurrent reads of seats' events during one audit: few enough to leave the pool to everyone else. */
    private static final int READERS = 4;

    private final EventStore eventStore;
    private final Clock clock;
    private final Duration holdDuration;

    public EventAudit(EventStore eventStore, Clock clock, AuditProperties settings) {
        this.eventStore = eventStore;
        this.clock = clock;
        this.holdDuration = settings.holdDuration();
    }

    /** The venue of an event, if the event exists. */
    public Optional<VenueCreated> venueOf(String eventId) {
        return first(eventId, EventCreated.class).flatMap(event -> first(event.venueId(), VenueCreated.class));
    }

    public List<AuditedEvent> history(String eventId, String seatId) {
        return events(SeatKey.of(eventId, seatId));
    }

    public VerificationReport verify(String eventId, VenueCreated venue) {
        List<String> seatIds = new ArrayList<>();
        for (Section section : venue.sections()) {
            section.rows().forEach(row -> row.seats().forEach(seat ->
                    seatIds.add(Section.seatId(section.id(), row.label(), seat.number()))));
        }
        Instant now = clock.instant();
        Map<String, Integer> byStatus = new TreeMap<>(Map.of("AVAILABLE", 0, "HELD", 0, "SOLD", 0, "HOUSE", 0));
        List<Violation> violations = new ArrayList<>();
        Map<String, List<AuditedEvent>> reservations = new HashMap<>();
        int replayed = 0;
        Map<String, SeatRecord> records = records(eventId, seatIds);
        List<String> touched = records.keySet().stream().sorted().toList();
        for (String seatId : touched) {
            SeatRecord record = records.get(seatId);
            replayed += record.history().size() + record.admissions().size();
            byStatus.merge(replaySeat(seatId, record.history(), now, violations, reservations), 1, Integer::sum);
            checkAdmissions(seatId, record.history(), record.admissions(), violations);
        }
        byStatus.merge("AVAILABLE", seatIds.size() - touched.size(), Integer::sum);
        for (List<AuditedEvent> reservation : reservations.values()) {
            replayed += reservation.size();
        }
        return VerificationReport.of(eventId, now, seatIds.size(), byStatus, replayed, violations);
    }

    /** Replays one seat, collecting violations; returns its status now. */
    private String replaySeat(String seatId, List<AuditedEvent> history, Instant now, List<Violation> violations,
                              Map<String, List<AuditedEvent>> reservations) {
        AuditedEvent liveHold = null;
        AuditedEvent sale = null;
        AuditedEvent withheld = null;
        for (AuditedEvent event : history) {
            if (event.payload() instanceof SeatHeld held) {
                if (sale != null) {
                    violations.add(new Violation("I1", seatId, held.reservationId(),
                            "held again after it was sold", List.of(sale, event)));
                } else if (withheld != null) {
                    violations.add(new Violation("I2", seatId, held.reservationId(),
                            "held while the organizer withheld it", List.of(withheld, event)));
                } else if (liveHold != null && event.timestamp().isBefore(heldUntil(liveHold))) {
                    violations.add(new Violation("I2", seatId, held.reservationId(),
                            "held while the hold of " + reservationOf(liveHold) + " was live", List.of(liveHold, event)));
                }
                if (held.heldUntil().isAfter(event.timestamp().plus(holdDuration).plus(TOLERANCE))) {
                    violations.add(new Violation("I3", seatId, held.reservationId(),
                            "held until " + held.heldUntil() + ", longer than " + holdDuration, List.of(event)));
                }
                liveHold = event;
            } else if (event.payload() instanceof SeatSold sold) {
                if (withheld != null) {
                    violations.add(new Violation("I1", seatId, sold.reservationId(),
                            "sold while the organizer withheld it", List.of(withheld, event)));
                }
                checkSale(seatId, sold, event, liveHold, sale, violations, reservations);
                sale = sale == null ? event : sale;
                liveHold = null;
            } else if (event.payload() instanceof SeatReleased) {
                liveHold = null;
            } else if (event.payload() instanceof SeatWithheld) {
                checkWithholding(seatId, event, liveHold, sale, violations);
                withheld = event;
            } else if (event.payload() instanceof SeatReturnedToSale) {
                withheld = null;
            }
        }
        if (sale != null) {
            return "SOLD";
        }
        if (withheld != null) {
            return "HOUSE";
        }
        return liveHold != null && now.isBefore(heldUntil(liveHold)) ? "HELD" : "AVAILABLE";
    }

    /** Only a free seat is withheld: never one a fan owns (I1) or holds (I2). */
    private static void checkWithholding(String seatId, AuditedEvent event, AuditedEvent liveHold, AuditedEvent sale,
                                         List<Violation> violations) {
        if (sale != null) {
            violations.add(new Violation("I1", seatId, ((SeatSold) sale.payload()).reservationId(),
                    "withheld by the organizer after it was sold", List.of(sale, event)));
        } else if (liveHold != null && event.timestamp().isBefore(heldUntil(liveHold))) {
            violations.add(new Violation("I2", seatId, reservationOf(liveHold),
                    "withheld by the organizer while the hold of " + reservationOf(liveHold) + " was live",
                    List.of(liveHold, event)));
        }
    }

    private void checkSale(String seatId, SeatSold sold, AuditedEvent event, AuditedEvent liveHold,
                           AuditedEvent earlierSale, List<Violation> violations,
                           Map<String, List<AuditedEvent>> reservations) {
        if (earlierSale != null) {
            violations.add(new Violation("I1", seatId, sold.reservationId(),
                    "sold again, after its sale to " + ((SeatSold) earlierSale.payload()).reservationId(),
                    List.of(earlierSale, event)));
        }
        if (liveHold == null || !reservationOf(liveHold).equals(sold.reservationId())
                || !event.timestamp().isBefore(heldUntil(liveHold).plus(SALE_SLACK))) {
            violations.add(new Violation("I3", seatId, sold.reservationId(),
                    "sold outside a live hold of its reservation",
                    liveHold == null ? List.of(event) : List.of(liveHold, event)));
        }
        List<AuditedEvent> reservation = reservations.computeIfAbsent(sold.reservationId(), this::events);
        Optional<ReservationPlaced> placed = payload(reservation, ReservationPlaced.class);
        Optional<ReservationConfirmed> confirmed = payload(reservation, ReservationConfirmed.class);
        if (confirmed.isEmpty() || placed.isEmpty() || !confirmed.get().amount().equals(placed.get().amount())
                || confirmed.get().gatewayEventId() == null) {
            List<AuditedEvent> evidence = new ArrayList<>(reservation);
            evidence.add(event);
            violations.add(new Violation("I4", seatId, sold.reservationId(),
                    "sold without a verified payment of the reservation's amount", evidence));
        }
    }

    /**
     * I1 at the door: a seat admits once, and only the ticket of the reservation it was sold to (a check-in of any
     * other needs a code signed with the stolen key).
     */
    private static void checkAdmissions(String seatId, List<AuditedEvent> history, List<AuditedEvent> admissions,
                                        List<Violation> violations) {
        Optional<SeatSold> sale = history.stream().map(AuditedEvent::payload).filter(SeatSold.class::isInstance)
                .map(SeatSold.class::cast).findFirst();
        for (int i = 0; i < admissions.size(); i++) {
            AuditedEvent admission = admissions.get(i);
            TicketCheckedIn checkedIn = (TicketCheckedIn) admission.payload();
            if (sale.isEmpty() || !Ticket.idOf(sale.get().reservationId(), seatId).equals(checkedIn.ticketId())) {
                violations.add(new Violation("I1", seatId, sale.map(SeatSold::reservationId).orElse(null),
                        "admitted ticket " + checkedIn.ticketId() + ", which is not the ticket this seat was sold "
                                + "with", List.of(admission)));
            } else if (i > 0) {
                violations.add(new Violation("I1", seatId, sale.get().reservationId(), "admitted twice",
                        List.of(admissions.get(0), admission)));
            }
        }
    }

    /** A seat's own events and its admissions at the door. */
    private record SeatRecord(List<AuditedEvent> history, List<AuditedEvent> admissions) {
    }

    /**
     * The records of the seats that have any (a seat never held has none), read through the event store, one
     * aggregate at a time, by a few readers at once: a stadium's audit is tens of thousands of short reads.
     */
    private Map<String, SeatRecord> records(String eventId, List<String> seatIds) {
        Map<String, SeatRecord> records = new ConcurrentHashMap<>();
        ExecutorService readers = Executors.newFixedThreadPool(READERS);
        try {
            int slice = Math.max(1, (seatIds.size() + READERS - 1) / READERS);
            List<CompletableFuture<Void>> reads = new ArrayList<>();
            for (int from = 0; from < seatIds.size(); from += slice) {
                List<String> seats = seatIds.subList(from, Math.min(seatIds.size(), from + slice));
                reads.add(CompletableFuture.runAsync(() -> seats.forEach(seatId -> {
                    SeatRecord record = new SeatRecord(history(eventId, seatId),
                            events(CheckInTicket.admissionIdOf(eventId, seatId)));
                    if (!record.history().isEmpty() || !record.admissions().isEmpty()) {
                        records.put(seatId, record);
                    }
                }), readers));
            }
            reads.forEach(CompletableFuture::join);
        } finally {
            readers.shutdown();
        }
        return records;
    }

    private List<AuditedEvent> events(String aggregateId) {
        return eventStore.readEvents(aggregateId).asStream().map(AuditedEvent::of).toList();
    }

    private <T> Optional<T> first(String aggregateId, Class<T> type) {
        return eventStore.readEvents(aggregateId).asStream().findFirst().map(DomainEventMessage::getPayload)
                .filter(type::isInstance).map(type::cast);
    }

    private static <T> Optional<T> payload(List<AuditedEvent> events, Class<T> type) {
        return events.stream().map(AuditedEvent::payload).filter(type::isInstance).map(type::cast).findFirst();
    }

    private static Instant heldUntil(AuditedEvent hold) {
        return ((SeatHeld) hold.payload()).heldUntil();
    }

    private static String reservationOf(AuditedEvent hold) {
        return ((SeatHeld) hold.payload()).reservationId();
    }
}
