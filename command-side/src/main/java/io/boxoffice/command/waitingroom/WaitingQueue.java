package io.boxoffice.command.waitingroom;

import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.springframework.stereotype.Component;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The waiting rooms' state in Redis, one sorted set of queued fans and one of admitted fans per event, changed only
 * by Lua scripts so that every step is atomic across nodes.
 * <p>
 * A fan's place is their score in the queue. Fans who join before sales open get a random score below 2^52, which
 * is a random order among all of them once sales open; later fans get 2^52 plus an arrival counter, behind every
 * early fan and in order. Joining again keeps the score, so refreshing or opening tabs changes nothing. A queued fan
 * costs one sorted-set entry (their user id and a score).
 */
@Component
public class WaitingQueue {

    /** 2^52: scores below are drawn at random, above are arrival order; both exact in a double. */
    private static final long ARRIVALS = 1L << 52;
    private static final String REGISTRY = "waitingroom:events";

    /** KEYS: queue, admitted, arrivals. ARGV: user, now ms, sales open ms, random score, join (1) or look (0). */
    private static final String JOIN_OR_LOOK = """
            local expiry = redis.call('ZSCORE', KEYS[2], ARGV[1])
            if expiry and tonumber(expiry) > tonumber(ARGV[2]) then return {1, expiry} end
            local score = redis.call('ZSCORE', KEYS[1], ARGV[1])
            if not score then
              if ARGV[5] == '0' then return {0} end
              if tonumber(ARGV[2]) < tonumber(ARGV[3]) then score = ARGV[4]
              else score = %d + redis.call('INCR', KEYS[3]) end
              redis.call('ZADD', KEYS[1], score, ARGV[1])
            end
            return {2, redis.call('ZRANK', KEYS[1], ARGV[1]), redis.call('ZCARD', KEYS[1])}
            """.formatted(ARRIVALS);

    /**
     * KEYS: queue, admitted, bucket, admitted-total, just-held. ARGV: now ms, admission ms, max in flow, seats
     * available, admissions per second (0: no limit). Lets in as many fans from the head of the queue as the flow,
     * the seats and the rate allow; returns {admitted now, admitted ever}. Seats available come from counts a
     * moment old, so seats held in the last moments are taken off them ("n|user|id" entries of just-held).
     */
    private static final String ADMIT = """
            local now = tonumber(ARGV[1])
            redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', now)
            redis.call('ZREMRANGEBYSCORE', KEYS[5], '-inf', now)
            local justHeld = 0
            for _, entry in ipairs(redis.call('ZRANGE', KEYS[5], 0, -1)) do
              justHeld = justHeld + tonumber(string.match(entry, '^(%d+)|'))
            end
            local active = redis.call('ZCARD', KEYS[2])
            local room = math.min(tonumber(ARGV[3]) - active, tonumber(ARGV[4]) - justHeld - active)
            local rate = tonumber(ARGV[5])
            local tokens = 0
            if rate > 0 then
              local bucket = redis.call('HMGET', KEYS[3], 'tokens', 'at')
              tokens = tonumber(bucket[1]) or rate
              local at = tonumber(bucket[2]) or now
              tokens = math.min(rate, tokens + (now - at) * rate / 1000)
              room = math.min(room, math.floor(tokens))
            end
            local admitted = {}
            if room > 0 then admitted = redis.call('ZPOPMIN', KEYS[1], room) end
            local count = #admitted / 2
            for i = 1, #admitted, 2 do redis.call('ZADD', KEYS[2], now + tonumber(ARGV[2]), admitted[i]) end
            if rate > 0 then redis.call('HSET', KEYS[3], 'tokens', tokens - count, 'at', now) end
            return {count, redis.call('INCRBY', KEYS[4], count)}
            """;

    private final RedissonClient redisson;
    private final SecureRandom random = new SecureRandom();
    private final Set<String> registered = ConcurrentHashMap.newKeySet();

    public WaitingQueue(RedissonClient redisson) {
        this.redisson = redisson;
    }

    /** Where a fan stands: admitted until a moment, queued at a place (0 = next), or not in this waiting room. */
    public sealed interface Place {
        record Admitted(Instant until) implements Place {
        }

        record Queued(long ahead, long queueLength) implements Place {
        }

        record Absent() implements Place {
        }
    }

    public Place join(String eventId, String userId, Instant salesOpen, Instant now) {
        return place(eventId, userId, salesOpen, now, true);
    }

    public Place look(String eventId, String userId, Instant now) {
        return place(eventId, userId, now, now, false);
    }

    private Place place(String eventId, String userId, Instant salesOpen, Instant now, boolean join) {
        if (join && !registered.contains(eventId)) {
            redisson.getSet(REGISTRY, StringCodec.INSTANCE).add(eventId);
            registered.add(eventId); // once per node: a join is one round trip to Redis
        }
        List<Object> answer = script().eval(key(eventId, "queue"), RScript.Mode.READ_WRITE, JOIN_OR_LOOK,
                RScript.ReturnType.MULTI, List.of(key(eventId, "queue"), key(eventId, "admitted"),
                        key(eventId, "arrivals")), userId, Long.toString(now.toEpochMilli()),
                Long.toString(salesOpen.toEpochMilli()), Long.toString(random.nextLong(ARRIVALS)), join ? "1" : "0");
        return switch (((Number) answer.get(0)).intValue()) {
            case 1 -> new Place.Admitted(Instant.ofEpochMilli(Long.parseLong(answer.get(1).toString())));
            case 2 -> new Place.Queued(((Number) answer.get(1)).longValue(), ((Number) answer.get(2)).longValue());
            default -> new Place.Absent();
        };
    }

    /** The outcome of one admission pass: fans let in now, and ever (to measure the pace). */
    public record Admission(long now, long ever) {
    }

    public Admission admit(String eventId, Instant now, Duration admission, int maxInFlow, int seatsAvailable,
                           Integer admissionsPerSecond) {
        List<Object> answer = script().eval(key(eventId, "queue"), RScript.Mode.READ_WRITE, ADMIT,
                RScript.ReturnType.MULTI, List.of(key(eventId, "queue"), key(eventId, "admitted"),
                        key(eventId, "bucket"), key(eventId, "admitted-total"), key(eventId, "just-held")),
                Long.toString(now.toEpochMilli()), Long.toString(admission.toMillis()), Integer.toString(maxInFlow),
                Integer.toString(seatsAvailable), Integer.toString(admissionsPerSecond == null ? 0
                        : admissionsPerSecond));
        return new Admission(((Number) answer.get(0)).longValue(), ((Number) answer.get(1)).longValue());
    }

    /**
     * The fan is done with the flow, holding {@code seats} seats (0: they left without any): their place goes to the
     * next in the queue, and their seats count as taken until {@code countedBy}, when the seat counts include them.
     */
    public void leaveFlow(String eventId, String userId, int seats, Instant countedBy) {
        script().eval(key(eventId, "admitted"), RScript.Mode.READ_WRITE, """
                        redis.call('ZREM', KEYS[1], ARGV[1])
                        if ARGV[2] ~= '0' then
                          redis.call('ZADD', KEYS[2], ARGV[3], ARGV[2] .. '|' .. ARGV[1] .. '|' .. ARGV[4])
                        end
                        return 0
                        """, RScript.ReturnType.INTEGER, List.of(key(eventId, "admitted"), key(eventId, "just-held")),
                userId, Integer.toString(seats), Long.toString(countedBy.toEpochMilli()),
                Long.toString(random.nextLong()));
    }

    /** The events whose waiting rooms have had fans. */
    public Collection<String> events() {
        return redisson.<String>getSet(REGISTRY, StringCodec.INSTANCE).readAll();
    }

    public int queued(String eventId) {
        return redisson.getScoredSortedSet(key(eventId, "queue"), StringCodec.INSTANCE).size();
    }

    /** Bytes Redis uses for an event's queue (MEMORY USAGE), to state what a queued fan costs. */
    public long queueBytes(String eventId) {
        Long bytes = script().eval(key(eventId, "queue"), RScript.Mode.READ_ONLY,
                "return redis.call('MEMORY', 'USAGE', KEYS[1], 'SAMPLES', 0)", RScript.ReturnType.INTEGER,
                List.of(key(eventId, "queue")));
        return bytes == null ? 0 : bytes;
    }

    /** All keys of an event in one hash slot, so the scripts also run on a Redis Cluster. */
    private static String key(String eventId, String part) {
        return "waitingroom:{" + eventId + "}:" + part;
    }

    private RScript script() {
        return redisson.getScript(StringCodec.INSTANCE);
    }
}
