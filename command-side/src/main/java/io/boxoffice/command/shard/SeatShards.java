package io.boxoffice.command.shard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.boxoffice.api.catalog.SeatLayout;
import io.boxoffice.api.problem.Problem;
import io.boxoffice.api.shard.RoutedByReservation;
import io.boxoffice.api.shard.RoutedBySeats;

import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The seat shards, and which one decides what (docs/seat-shards.md):
 * <ul>
 *     <li>a seat lies on the shard of its bucket, by its event's {@link SeatLayout};</li>
 *     <li>a reservation lies with its seats, and its id says where: {@code <shard>.<uuid>}, or a bare uuid on the
 *     primary database (as every reservation made before shards);</li>
 *     <li>everything else (venues, events, fans' allowances, check-ins) lies on the primary database.</li>
 * </ul>
 * A shard found unreachable is refused without trying for a moment ({@code retryAfter}), with 503 and
 * {@code Retry-After}, so that requests for its buckets never queue on it while every other bucket sells.
 */
public class SeatShards {

    /** What separates a reservation id's shard from its own id; shard names and uuids never contain it. */
    private static final char SHARD_SEPARATOR = '.';
    private static final String FAN_TICKETS = "fan-tickets/";
    private static final int CACHED_LAYOUTS = 10_000;

    private final List<SeatShard> shards;
    private final Map<String, SeatShard> byName = new LinkedHashMap<>();
    private final ObjectMapper json;
    private final Clock clock;
    private final Duration retryAfter;
    /** An event's layout never changes once created, so it is kept until it is the least recently used. */
    private final Cache<String, SeatLayout> layouts = Caffeine.newBuilder().maximumSize(CACHED_LAYOUTS).build();

    public SeatShards(List<SeatShard> shards, ObjectMapper json, Clock clock, Duration retryAfter) {
        if (shards.isEmpty() || !shards.get(0).isPrimary()) {
            throw new IllegalArgumentException("the first seat shard is the primary database");
        }
        this.shards = List.copyOf(shards);
        this.shards.forEach(shard -> byName.put(shard.name(), shard));
        this.json = json;
        this.clock = clock;
        this.retryAfter = retryAfter;
    }

    public List<SeatShard> all() {
        return shards;
    }

    public SeatShard primary() {
        return shards.get(0);
    }

    /** The layout of an event created now: its buckets (the organizer's groups) over the shards configured now. */
    public SeatLayout layoutForNewEvent(Map<String, List<String>> groups) {
        return SeatLayout.of(List.copyOf(byName.keySet()), groups);
    }

    /** The layout an event was created with; an event created before shards has its seats on the primary database. */
    public SeatLayout layoutOf(String eventId) {
        SeatLayout cached = layouts.getIfPresent(eventId);
        if (cached != null) {
            return cached;
        }
        Optional<SeatLayout> stored = primary().jdbc().query(
                "SELECT seat_layout FROM event_seating WHERE event_id = ?",
                (row, n) -> Optional.ofNullable(row.getString("seat_layout")).map(this::layoutFromJson)
                        .orElseGet(this::beforeShards), eventId).stream().findFirst();
        stored.ifPresent(layout -> layouts.put(eventId, layout)); // an event not created yet is not kept
        return stored.orElseGet(this::beforeShards);
    }

    private SeatLayout beforeShards() {
        return new SeatLayout(List.of(primary().name()), Map.of());
    }

    /** The buckets of these seats of an event, each with its seats; a reservation's lie in one. */
    public Map<String, List<String>> byBucket(String eventId, Collection<String> seatIds) {
        SeatLayout layout = layoutOf(eventId);
        return seatIds.stream().collect(Collectors.groupingBy(layout::bucketOf, LinkedHashMap::new,
                Collectors.toList()));
    }

    /** The shard of a bucket of an event. */
    public SeatShard forBucket(String eventId, String bucket) {
        return named(layoutOf(eventId).shardOf(eventId, bucket));
    }

    /** The buckets of these seats of an event by the shard they lie on (by name, in order). */
    public Map<String, List<String>> bucketsByShard(String eventId, Collection<String> seatIds) {
        return byBucket(eventId, seatIds).keySet().stream().collect(Collectors.groupingBy(
                bucket -> forBucket(eventId, bucket).name(), TreeMap::new, Collectors.toList()));
    }

    /** The one shard these seats lie on. */
    public SeatShard forSeats(String eventId, Collection<String> seatIds) {
        Map<String, List<String>> bucketsByShard = bucketsByShard(eventId, seatIds);
        if (bucketsByShard.size() != 1) {
            throw new IllegalArgumentException("seats of event " + eventId + " on " + bucketsByShard.keySet()
                    + ": one shard only");
        }
        return named(bucketsByShard.keySet().iterator().next());
    }

    /** The shard a reservation lies on, by its id. */
    public SeatShard forReservation(String reservationId) {
        int separator = reservationId.indexOf(SHARD_SEPARATOR);
        // an id naming no configured shard names no reservation: the primary database answers that it has none
        return separator < 0 ? primary()
                : byName.getOrDefault(reservationId.substring(0, separator), primary());
    }

    /** A reservation id on this shard, from an id unique to the request (a uuid). */
    public String reservationId(SeatShard shard, String uuid) {
        return shard.isPrimary() ? uuid : shard.name() + SHARD_SEPARATOR + uuid;
    }

    /** The shard that decides a command: its reservation's, its seats', or the primary database. */
    public SeatShard forCommand(Object command) {
        if (command instanceof RoutedByReservation reservation) {
            return forReservation(reservation.reservationId());
        }
        if (command instanceof RoutedBySeats seats) {
            return forSeats(seats.eventId(), seats.seatIds());
        }
        return primary();
    }

    /**
     * The shard whose event store holds an aggregate: a seat key ({@code <eventId>/<seatId>}) by its event's layout,
     * a reservation by its id; a fan's allowance, a check-in ({@code <eventId>/<seatId>/admission}), a venue and an
     * event on the primary database.
     */
    public SeatShard forAggregate(String aggregateId) {
        int slash = aggregateId.indexOf('/');
        if (slash > 0 && aggregateId.indexOf('/', slash + 1) < 0 && !aggregateId.startsWith(FAN_TICKETS)) {
            String eventId = aggregateId.substring(0, slash);
            SeatLayout layout = layoutOf(eventId);
            return named(layout.shardOf(eventId, layout.bucketOf(aggregateId.substring(slash + 1))));
        }
        return forReservation(aggregateId);
    }

    /** The shard, if it may be asked now; a 503 with {@code Retry-After} while it was recently unreachable. */
    public SeatShard available(SeatShard shard) {
        if (!shard.reachableAt(clock.instant())) {
            throw unavailable(shard).refused();
        }
        return shard;
    }

    /** The shard could not be reached: it is refused without trying for a moment. */
    public void unreachable(SeatShard shard) {
        shard.unreachableUntil(clock.instant().plus(retryAfter));
    }

    public Problem unavailable(SeatShard shard) {
        return Problem.of(503, "seat-shard-unavailable", "These seats cannot be sold right now",
                        "The database of these seats cannot be reached; nothing was done. Seats in other sections "
                                + "are still on sale, and these will be again shortly.")
                .with("shard", shard.name()).retryAfter(retryAfter);
    }

    /** The shard of this name; a 503 for a name this node is not configured with. */
    public SeatShard named(String name) {
        SeatShard shard = byName.get(name);
        if (shard == null) { // a layout or reservation naming a shard this node is not configured with
            throw Problem.of(503, "seat-shard-unavailable", "These seats cannot be sold right now",
                    "The database of these seats is not configured on this server").with("shard", name)
                    .retryAfter(retryAfter).refused();
        }
        return shard;
    }

    private SeatLayout layoutFromJson(String value) {
        try {
            return json.readValue(value, SeatLayout.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a seat layout the seating catalog wrote does not read back", e);
        }
    }
}
