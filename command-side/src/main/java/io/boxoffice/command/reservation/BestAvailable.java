package io.boxoffice.command.reservation;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.boxoffice.api.catalog.FindUnavailableSeats;
import io.boxoffice.api.common.Money;
import io.boxoffice.api.problem.Problem;
import io.boxoffice.api.reservation.ReservationView;
import io.boxoffice.command.catalog.EventSeating;
import io.boxoffice.command.catalog.SeatingCatalog;
import io.boxoffice.command.bestavailable.SeatOrder;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Service;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * "N seats together": picks the best block that fits what the fan asked for and holds it like a pick on the map,
 * all or nothing. What is taken comes from browsing's view (up to 2 s old); when the block turns out to be taken
 * meanwhile, the seats the refusal names are left out and the next best block is tried, a few times, before the fan
 * is told that no seats together are left.
 */
@Service
public class BestAvailable {

    /** Blocks tried before giving up: each refusal names what was taken, so each try is better informed. */
    static final int ATTEMPTS = 5;
    private static final int CACHED_EVENTS = 64;
    private static final Duration TAKEN_FOR = Duration.ofSeconds(1);

    /** What a fan asks for: how many seats, of which categories (empty: any), at most what price each. */
    public record Wanted(int quantity, List<String> categories, Money maxPrice, boolean accessible) {
    }

    private final SeatingCatalog catalog;
    private final ReservationService reservations;
    private final QueryGateway queries;
    /** Venue layouts do not change: a venue's seat order is built once (80,000 seats take a few milliseconds). */
    private final Cache<String, SeatOrder> ordersByVenue = Caffeine.newBuilder().maximumSize(CACHED_EVENTS).build();
    /**
     * What browsing shows taken, read once a second per event and node, not once per fan (in an on-sale of a large
     * venue it is tens of thousands of rows), plus what this node's picks have held or been refused since: fans picking
     * at the same moment on one node do not all go for the same block.
     */
    private final Cache<String, Set<String>> takenRecently = Caffeine.newBuilder().maximumSize(CACHED_EVENTS)
            .expireAfterWrite(TAKEN_FOR).build();

    public BestAvailable(SeatingCatalog catalog, ReservationService reservations, QueryGateway queries) {
        this.catalog = catalog;
        this.reservations = reservations;
        this.queries = queries;
    }

    public ReservationView reserve(String eventId, Wanted wanted, String userId, String idempotencyKey,
                                   String admissionToken) {
        // a fan the waiting room has not let in is refused before anything is picked
        EventSeating seating = reservations.admitted(eventId, userId, admissionToken);
        if (idempotencyKey != null) {
            Optional<ReservationView> earlier = reservations.placedWith(eventId, userId, idempotencyKey);
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        Predicate<String> category = accepted(seating, wanted);
        SeatOrder.Seating offered = wanted.accessible() ? SeatOrder.Seating.ACCESSIBLE
                : seating.accessibleSeatsReleased() ? SeatOrder.Seating.ANY : SeatOrder.Seating.GENERAL;
        SeatOrder order = ordersByVenue.get(seating.venueId(), venueId -> catalog.layout(venueId)
                .map(layout -> SeatOrder.of(layout.sections(), layout.stage()))
                .orElseThrow(() -> new EventNotFoundException(eventId)));
        Set<String> taken = takenRecently.get(eventId, this::takenAsBrowsingShows);
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            List<String> block = order.best(wanted.quantity(), category, taken::contains, offered);
            if (block.isEmpty()) {
                throw noSeatsTogether(wanted, "no " + wanted.quantity() + " seats side by side are left that fit");
            }
            try {
                ReservationView held = reservations.reserve(eventId, block, userId, idempotencyKey, admissionToken);
                taken.addAll(block);
                return held;
            } catch (ReservationRefusedException takenMeanwhile) {
                taken.addAll(takenMeanwhile.unavailableSeatIds());
            }
        }
        throw noSeatsTogether(wanted, "the best seats were taken " + ATTEMPTS + " times in a row while we tried");
    }

    private Set<String> takenAsBrowsingShows(String eventId) {
        Set<String> taken = ConcurrentHashMap.newKeySet();
        taken.addAll(queries.query(new FindUnavailableSeats(eventId), ResponseTypes.multipleInstancesOf(String.class))
                .join());
        return taken;
    }

    /** The categories the fan accepts, of those the event prices, within the fan's price per seat. */
    private static Predicate<String> accepted(EventSeating seating, Wanted wanted) {
        Map<String, Money> prices = seating.prices();
        Money maxPrice = wanted.maxPrice();
        if (maxPrice != null && prices.values().stream().anyMatch(price ->
                !price.currency().equals(maxPrice.currency()))) {
            throw Problem.invalid("The price limit is in another currency than the event's prices",
                    Map.of("bestAvailable.maxPrice.currency", "the event's currency")).refused();
        }
        return category -> prices.containsKey(category)
                && (wanted.categories() == null || wanted.categories().isEmpty()
                || wanted.categories().contains(category))
                && (maxPrice == null || prices.get(category).amount().compareTo(maxPrice.amount()) <= 0);
    }

    private static RuntimeException noSeatsTogether(Wanted wanted, String why) {
        return Problem.of(409, "no-seats-together", "No seats together", why + "; nothing was held")
                .with("quantity", wanted.quantity()).refused();
    }
}
