package io.boxoffice.command.waitingroom;

import io.boxoffice.api.catalog.FindSeatCounts.SeatCounts;
import io.boxoffice.api.catalog.FindSeatCounts;
import io.boxoffice.api.catalog.WaitingRoomPolicy;
import io.boxoffice.command.catalog.EventSeating;
import io.boxoffice.command.catalog.SeatingCatalog;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Queue-based admission to the reservation flow of waiting-room events.
 * <p>
 * Every node runs an admission pass for each waiting room a few times a second; the pass is one atomic script, so
 * passes on several nodes share the event's rate and capacity rather than adding up. A pass lets fans in only while
 * fewer fans are in the flow than the event's cap and than the seats left to hold (from browsing's seat counts,
 * seconds behind at most): no one is admitted into an event with no seat to hold, and admission resumes when holds
 * end. Admitted fans get a signed token that the reservation endpoint requires.
 * <p>
 * Each pass also refreshes this node's view of the line ({@link Line}): the same for every fan, so queued fans
 * follow it from a cache (a CDN, a second old at most) and ask about themselves only when their number comes up.
 */
@Service
public class Admissions implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(Admissions.class);

    private final WaitingQueue queue;
    private final AdmissionTokens tokens;
    private final SeatingCatalog catalog;
    private final QueryGateway queries;
    private final Clock clock;
    private final Duration admission;
    private final Duration pickUp;
    private final Duration countsLag;
    private final Duration admissionInterval;
    private final Counter rounds;
    /** What this node last learnt of each waiting room: seats left, the pace of admission, the line. */
    private final Map<String, Pace> paces = new ConcurrentHashMap<>();

    public Admissions(WaitingQueue queue, AdmissionTokens tokens, SeatingCatalog catalog, QueryGateway queries,
                      Clock clock, MeterRegistry meters, WaitingRoomProperties settings) {
        this.queue = queue;
        this.tokens = tokens;
        this.catalog = catalog;
        this.queries = queries;
        this.clock = clock;
        this.admission = settings.admissionWindow();
        this.pickUp = settings.pickUpWithin();
        this.countsLag = settings.countsLag();
        this.admissionInterval = settings.admissionInterval();
        this.rounds = Counter.builder("boxoffice.waiting.room.rounds")
                .description("Admission rounds this node ran, each a pass over every waiting room").register(meters);
    }

    /** Where a fan stands in an event's waiting room, as the fan is told. */
    public record Status(State state, Long place, Long ahead, Long queueLength, Long estimatedWaitSeconds,
                         String admissionToken, Instant admittedUntil, Instant salesOpenAt, boolean allSeatsHeld) {
    }

    /**
     * Where an event's line is, as every fan sees it: fans whose place is up to {@code nowServing} have been let in,
     * {@code lastPlace} is the last place given, {@code queued} fans wait (before sales open: for the draw).
     */
    public record Line(LineState state, Instant salesOpenAt, long nowServing, long lastPlace, long queued,
                       double admissionsPerSecond, boolean allSeatsHeld) {
    }

    public enum LineState {
        WAITING_FOR_SALES,
        OPEN,
        SOLD_OUT
    }

    public enum State {
        /** In the waiting room before sales open: places are drawn at random when they do. */
        WAITING_FOR_SALES,
        QUEUED,
        ADMITTED,
        /** Every seat is sold: nobody will be admitted any more. */
        SOLD_OUT,
        NOT_IN_QUEUE
    }

    public Status join(EventSeating event, String userId) {
        Instant now = clock.instant();
        if (soldOut(paces.get(event.eventId()))) {
            return status(event, new WaitingQueue.Place.Absent(), userId);
        }
        return status(event, queue.join(event.eventId(), userId, salesOpen(event), now, admission), userId);
    }

    public Status look(EventSeating event, String userId) {
        Instant now = clock.instant();
        return status(event, queue.look(event.eventId(), userId, salesOpen(event), now, admission), userId);
    }

    /** The line as this node last saw it (a fraction of a second ago), or an empty one before anyone joined. */
    public Line line(EventSeating event) {
        Pace pace = paces.get(event.eventId());
        if (pace == null) {
            return new Line(event.isOnSaleAt(clock.instant()) ? LineState.OPEN : LineState.WAITING_FOR_SALES,
                    event.salesStartAt(), 0, 0, 0, 0, false);
        }
        LineState state = soldOut(pace) ? LineState.SOLD_OUT
                : pace.pass().drawn() ? LineState.OPEN : LineState.WAITING_FOR_SALES;
        return new Line(state, event.salesStartAt(), pace.pass().serving(), pace.pass().lastPlace(),
                pace.pass().queued(), Math.round(pace.perSecond() * 10) / 10.0, allSeatsHeld(pace));
    }

    private static Instant salesOpen(EventSeating event) {
        return event.salesStartAt() == null ? Instant.EPOCH : event.salesStartAt();
    }

    private Status status(EventSeating event, WaitingQueue.Place place, String userId) {
        Pace pace = paces.get(event.eventId());
        boolean allHeld = allSeatsHeld(pace);
        if (place instanceof WaitingQueue.Place.Admitted admitted) {
            return new Status(State.ADMITTED, null, null, null, null,
                    tokens.issue(event.eventId(), userId, admitted.until()), admitted.until(), null, false);
        }
        if (soldOut(pace)) {
            return new Status(State.SOLD_OUT, null, null, null, null, null, null, null, false);
        }
        if (place instanceof WaitingQueue.Place.Queued queued) {
            if (queued.number() == null) {
                return new Status(State.WAITING_FOR_SALES, null, null, queued.queueLength(), null, null, null,
                        event.salesStartAt(), false);
            }
            Long estimate = pace == null || pace.perSecond() <= 0 ? null
                    : Math.round(queued.ahead() / pace.perSecond());
            return new Status(State.QUEUED, queued.number(), queued.ahead(), queued.queueLength(), estimate, null,
                    null, null, allHeld);
        }
        return new Status(State.NOT_IN_QUEUE, null, null, null, null, null, null, event.salesStartAt(), allHeld);
    }

    /** Every seat left is held by someone: the line waits for holds to end. */
    private static boolean allSeatsHeld(Pace pace) {
        return pace != null && pace.seats().available() == 0 && pace.seats().held() > 0;
    }

    /** Nothing left: every seat sold (held seats may still come back). */
    private static boolean soldOut(Pace pace) {
        return pace != null && pace.seats().available() == 0 && pace.seats().held() == 0;
    }

    /** Whether a token lets this fan reserve at this event now; events without a waiting room need none. */
    public boolean admits(EventSeating event, String userId, String token) {
        return event.waitingRoom() == null || tokens.admits(token, event.eventId(), userId, clock.instant());
    }

    /** The fan left (gave up, closed the page): their place in the flow goes to the next fan now, not at expiry. */
    public void leave(EventSeating event, String userId) {
        queue.leaveFlow(event.eventId(), userId, 0, clock.instant());
    }

    /** After a hold, the fan's place in the flow goes to the next fan; their token stays valid until it ends. */
    public void heldSeats(EventSeating event, String userId, int seats) {
        if (event.waitingRoom() == null) {
            return;
        }
        try {
            queue.leaveFlow(event.eventId(), userId, seats, clock.instant().plus(countsLag));
        } catch (RuntimeException redisAway) {
            log.debug("could not free {}'s place in the flow of {}; it frees itself when the admission ends",
                    userId, event.eventId(), redisAway);
        }
    }

    /** A few times a second on every node ({@code boxoffice.waiting-room.admission-interval}). */
    @Override
    public void configureTasks(ScheduledTaskRegistrar tasks) {
        tasks.addFixedDelayTask(this::admitAll, admissionInterval);
    }

    void admitAll() {
        for (String eventId : safely(queue::events)) {
            try {
                catalog.seating(eventId).filter(event -> event.waitingRoom() != null)
                        .ifPresent(this::admit);
            } catch (RuntimeException e) {
                log.warn("admission pass for {} failed: {}", eventId, e.toString());
            }
        }
        rounds.increment();
    }

    /** One pass for one event: learn the seats left, let in who fits, note the pace and the line. */
    void admit(EventSeating event) {
        Instant now = clock.instant();
        Optional<SeatCounts> counted = queries.query(new FindSeatCounts(event.eventId()),
                ResponseTypes.optionalInstanceOf(SeatCounts.class)).join();
        if (counted.isEmpty()) {
            return; // not browsable yet: nobody is let in on a guess
        }
        SeatCounts seats = counted.get();
        WaitingRoomPolicy policy = event.waitingRoom();
        WaitingQueue.Admission admitted = queue.admit(event.eventId(), salesOpen(event), now, pickUp,
                policy.maxFansInFlow(), seats.available(), policy.admissionsPerSecond());
        paces.compute(event.eventId(), (id, before) -> Pace.next(before, seats, admitted, now));
    }

    private static Collection<String> safely(Supplier<Collection<String>> read) {
        try {
            return read.get();
        } catch (RuntimeException redisAway) {
            return List.of(); // the next pass tries again
        }
    }

    /**
     * Seats left, admissions a second (smoothed over the last passes) and the last pass (where the line is), for
     * estimates and sold-out notices.
     */
    record Pace(SeatCounts seats, double perSecond, WaitingQueue.Admission pass, Instant at) {

        static Pace next(Pace before, SeatCounts seats, WaitingQueue.Admission pass, Instant now) {
            double perSecond = 0;
            if (before != null) {
                double seconds = Math.max(0.001, Duration.between(before.at(), now).toMillis() / 1000.0);
                double recent = (pass.ever() - before.pass().ever()) / seconds;
                // an average over roughly the last ten seconds of passes
                perSecond = before.perSecond() + Math.min(1, seconds / 10) * (recent - before.perSecond());
            }
            return new Pace(seats, perSecond, pass, now);
        }
    }
}
