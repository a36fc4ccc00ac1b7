package io.boxoffice.command.seat;

import io.boxoffice.api.catalog.SeatLayout;
import io.boxoffice.command.shard.SeatShards;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.RedisException;
import org.redisson.client.codec.StringCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The fast filter in front of the Seat aggregates (I5): one Redis key per seat, set if absent for the length
 * of the hold, atomically for all seats of a request. Losers are turned away here without touching PostgreSQL.
 * <p>
 * It is never the truth: a key may be missing (flush, failover) and the aggregates still decide. When Redis
 * fails, the gate opens for {@code boxoffice.gate.retry-after} and every request goes straight to the
 * aggregates, so a dead Redis costs one timeout, not one per request.
 * <p>
 * A seat's key carries its bucket as a Redis Cluster hash tag ({@code {<eventId>/<bucket>}}): a request's seats lie
 * in one bucket, so its script runs in one slot, while a hot event's buckets spread over the cluster's slots.
 */
@Component
public class SeatGate {

    private static final Logger log = LoggerFactory.getLogger(SeatGate.class);

    /** Refuses if any seat is taken by another reservation; otherwise takes them all. Returns taken indexes. */
    private static final String TRY_HOLD = """
            local taken = {}
            for i, key in ipairs(KEYS) do
              local holder = redis.call('GET', key)
              if holder and holder ~= ARGV[1] then taken[#taken + 1] = i end
            end
            if #taken == 0 then
              for _, key in ipairs(KEYS) do redis.call('SET', key, ARGV[1], 'PX', ARGV[2]) end
            end
            return taken
            """;

    /**
     * Deletes the keys this reservation holds, then marks refused seats: ARGV[i + 1] is -1 (not refused),
     * 0 (sold, no expiry) or the milliseconds left of the other hold.
     */
    private static final String RELEASE_AND_LEARN = """
            for i, key in ipairs(KEYS) do
              if redis.call('GET', key) == ARGV[1] then redis.call('DEL', key) end
              local ttl = tonumber(ARGV[i + 1])
              if ttl == 0 then redis.call('SET', key, 'sold', 'NX')
              elseif ttl > 0 then redis.call('SET', key, 'held', 'PX', ttl, 'NX') end
            end
            return 0
            """;

    /** House seats are taken for as long as they are withheld, whoever had the key. */
    private static final String WITHHOLD = """
            for _, key in ipairs(KEYS) do redis.call('SET', key, 'house') end
            return 0
            """;

    /** Seats back on sale: whatever the gate remembered of them (house, or a refusal it learnt) is stale. */
    private static final String FORGET = """
            for _, key in ipairs(KEYS) do redis.call('DEL', key) end
            return 0
            """;

    private final RedissonClient redisson;
    private final SeatShards shards;
    private final Clock clock;
    private final Duration retryAfter;
    private final Counter bypassed;
    private volatile Instant closedUntil = Instant.MIN;

    public SeatGate(RedissonClient redisson, SeatShards shards, Clock clock, MeterRegistry meters,
                    GateProperties settings) {
        this.redisson = redisson;
        this.shards = shards;
        this.clock = clock;
        this.retryAfter = settings.retryAfter();
        this.bypassed = Counter.builder("boxoffice.gate.bypassed")
                .description("Reservations that went to the aggregates without the gate because Redis failed")
                .register(meters);
    }

    /** What the gate says: passed (the seats are ours in Redis), refused, or bypassed (Redis down). */
    public sealed interface Verdict {
        record Passed() implements Verdict {
        }

        record Refused(List<String> takenSeatIds) implements Verdict {
        }

        record Bypassed() implements Verdict {
        }
    }

    public Verdict tryHold(String eventId, List<String> seatIds, String reservationId, Instant heldUntil) {
        long ttlMillis = Duration.between(clock.instant(), heldUntil).toMillis();
        if (ttlMillis <= 0 || !isOpen()) {
            bypassed.increment();
            return new Verdict.Bypassed();
        }
        try {
            List<Long> taken = script().eval(RScript.Mode.READ_WRITE, TRY_HOLD, RScript.ReturnType.MULTI,
                    keys(eventId, seatIds), reservationId, Long.toString(ttlMillis));
            if (taken.isEmpty()) {
                return new Verdict.Passed();
            }
            return new Verdict.Refused(taken.stream().map(index -> seatIds.get(index.intValue() - 1)).toList());
        } catch (RedisException e) {
            failed(e);
            bypassed.increment();
            return new Verdict.Bypassed();
        }
    }

    /** Gives back the keys this reservation took: after a release, or a failure on the way to PostgreSQL. */
    public void release(String eventId, List<String> seatIds, String reservationId) {
        settle(eventId, seatIds, reservationId, Map.of());
    }

    /** Sold seats stay taken for good, whatever the hold's expiry was. */
    public void sold(String eventId, List<String> seatIds, String reservationId) {
        Map<String, Instant> forGood = new HashMap<>();
        seatIds.forEach(seatId -> forGood.put(seatId, null));
        settle(eventId, seatIds, reservationId, forGood);
    }

    /** The organizer withheld these seats: refused here until they are returned to sale. */
    public void withheld(String eventId, List<String> seatIds) {
        run(WITHHOLD, eventId, seatIds);
    }

    public void returnedToSale(String eventId, List<String> seatIds) {
        run(FORGET, eventId, seatIds);
    }

    /** Runs the script once per bucket: the organizer's seats may lie in several, each in its own slot. */
    private void run(String script, String eventId, List<String> seatIds) {
        if (!isOpen()) {
            return;
        }
        try {
            for (List<String> bucket : shards.byBucket(eventId, seatIds).values()) {
                script().eval(RScript.Mode.READ_WRITE, script, RScript.ReturnType.INTEGER, keys(eventId, bucket));
            }
        } catch (RedisException e) {
            failed(e);
        }
    }

    /**
     * Gives back this reservation's keys and teaches the gate what the aggregates know, in one round trip. After a
     * refusal, the refused seats are remembered as held until the other hold ends, or for good when sold, so that
     * after a flush the gate refills with exactly the seats fans contend for.
     *
     * @param unavailableUntil per seat to mark taken: until when, {@code null} for good (sold)
     */
    public void settle(String eventId, List<String> seatIds, String reservationId,
                       Map<String, Instant> unavailableUntil) {
        if (!isOpen()) {
            return;
        }
        Instant now = clock.instant();
        List<Object> args = new ArrayList<>(seatIds.size() + 1);
        args.add(reservationId);
        for (String seatId : seatIds) {
            if (!unavailableUntil.containsKey(seatId)) {
                args.add("-1");
            } else {
                Instant until = unavailableUntil.get(seatId);
                args.add(until == null ? "0" : Long.toString(Math.max(1, Duration.between(now, until).toMillis())));
            }
        }
        try {
            script().eval(RScript.Mode.READ_WRITE, RELEASE_AND_LEARN, RScript.ReturnType.INTEGER,
                    keys(eventId, seatIds), args.toArray());
        } catch (RedisException e) {
            failed(e);
        }
    }

    private boolean isOpen() {
        return clock.instant().isAfter(closedUntil);
    }

    private void failed(RedisException e) {
        boolean wasOpen = isOpen();
        closedUntil = clock.instant().plus(retryAfter);
        if (wasOpen) {
            log.warn("Redis failed ({}); the seat gate is bypassed for {}, the aggregates alone decide",
                    e.getMessage(), retryAfter);
        }
    }

    private RScript script() {
        return redisson.getScript(StringCodec.INSTANCE);
    }

    /** The keys of seats of one bucket: one hash tag, so one Redis Cluster slot, and the script stays atomic. */
    private List<Object> keys(String eventId, List<String> seatIds) {
        SeatLayout layout = shards.layoutOf(eventId);
        List<Object> keys = new ArrayList<>(seatIds.size());
        seatIds.forEach(seatId -> keys.add(key(eventId, layout.bucketOf(seatId), seatId)));
        return keys;
    }

    private static String key(String eventId, String bucket, String seatId) {
        return "boxoffice:seat:{" + eventId + "/" + bucket + "}:" + seatId;
    }
}
