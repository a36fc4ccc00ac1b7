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
 * The waiting rooms' state in Redis, changed only by Lua scripts so that every step is atomic across nodes. Per
 * event: a sorted set of queued fans, one of admitted fans (until when), the set of admitted fans who picked up
 * their admission, and a hash of the line's counters.
 * <p>
 * Every fan has a fixed place number, so that where the line is ("now serving") can be published to everyone alike
 * and cached, and a fan's position is their place minus it. Fans who join before sales open are kept with random
 * scores; the first script to run once sales are open draws their places from that random order (1, 2, ...: no
 * advantage in arriving first or refreshing). Later fans take the next number. Joining again keeps the place. A
 * queued fan costs one sorted-set entry (their user id and a score).
 */
@Component
public class WaitingQueue {

    /** Random scores of fans waiting for the draw stay below 2^52, exact in a double. */
    private static final long RANDOM_SCORES = 1L << 52;
    private static final String REGISTRY = "waitingroom:events";

    /** The draw, once sales are open: places 1..n in the random order of the fans who came early. */
    private static final String DRAW = """
            local function draw(queue, line, now, open)
              if now < open or redis.call('HGET', line, 'drawn') then return end
              local fans = redis.call('ZRANGE', queue, 0, -1)
              for first = 1, #fans, 1000 do
                local places = {}
                for i = first, math.min(first + 999, #fans) do
                  places[#places + 1] = i
                  places[#places + 1] = fans[i]
                end
                redis.call('ZADD', queue, unpack(places))
              end
              redis.call('HSET', line, 'drawn', 1, 'last', #fans)
            end
            """;

    /**
     * KEYS: queue, admitted, claimed, line. ARGV: user, now ms, sales open ms, random score, join (1) or look (0),
     * admission ms. An admitted fan's first look or join picks up their admission: it lasts from then on.
     */
    private static final String JOIN_OR_LOOK = DRAW + """
            local now = tonumber(ARGV[2])
            draw(KEYS[1], KEYS[4], now, tonumber(ARGV[3]))
            local expiry = redis.call('ZSCORE', KEYS[2], ARGV[1])
            if expiry and tonumber(expiry) > now then
              if redis.call('SADD', KEYS[3], ARGV[1]) == 1 then
                expiry = now + tonumber(ARGV[6])
                redis.call('ZADD', KEYS[2], expiry, ARGV[1])
              end
              return {1, tostring(expiry)}
            end
            local drawn = redis.call('HGET', KEYS[4], 'drawn')
            local place = redis.call('ZSCORE', KEYS[1], ARGV[1])
            if not place then
              if ARGV[5] == '0' then return {0} end
              if drawn then place = redis.call('HINCRBY', KEYS[4], 'last', 1) else place = ARGV[4] end
              redis.call('ZADD', KEYS[1], place, ARGV[1])
            end
            if not drawn then place = -1 end
            return {2, tonumber(place), redis.call('ZRANK', KEYS[1], ARGV[1]), redis.call('ZCARD', KEYS[1])}
            """;

    /**
     * KEYS: queue, admitted, claimed, line, just-held. ARGV: now ms, ms to pick up an admission, max in flow, seats
     * available, admissions per second (0: no limit), sales open ms. Once sales are open, lets in as many fans from
     * the head of the queue as the flow, the seats and the rate allow. Seats available come from counts a moment
     * old, so seats held in the last moments are taken off them ("n|user|id" entries of just-held). Admissions not
     * picked up in time end, so fans who closed the page do not keep others out. Returns {admitted ever, now serving,
     * last place, queued, drawn}.
     */
    private static final String ADMIT = DRAW + """
            local now = tonumber(ARGV[1])
            draw(KEYS[1], KEYS[4], now, tonumber(ARGV[6]))
            local ended = redis.call('ZRANGEBYSCORE', KEYS[2], '-inf', now)
            for first = 1, #ended, 1000 do
              redis.call('SREM', KEYS[3], unpack(ended, first, math.min(first + 999, #ended)))
            end
            redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', now)
            redis.call('ZREMRANGEBYSCORE', KEYS[5], '-inf', now)
            local count = 0
            local line = redis.call('HMGET', KEYS[4], 'drawn', 'tokens', 'at')
            if line[1] then
              local justHeld = 0
              for _, entry in ipairs(redis.call('ZRANGE', KEYS[5], 0, -1)) do
                justHeld = justHeld + tonumber(string.match(entry, '^(%d+)|'))
              end
              local active = redis.call('ZCARD', KEYS[2])
              local room = math.min(tonumber(ARGV[3]) - active, tonumber(ARGV[4]) - justHeld - active)
              local rate = tonumber(ARGV[5])
              local tokens = 0
              if rate > 0 then
                tokens = math.min(rate, (tonumber(line[2]) or rate) + (now - (tonumber(line[3]) or now)) * rate / 1000)
                room = math.min(room, math.floor(tokens))
              end
              if room > 0 then
                local admitted = redis.call('ZPOPMIN', KEYS[1], room)
                count = #admitted / 2
                for i = 1, #admitted, 2 do redis.call('ZADD', KEYS[2], now + tonumber(ARGV[2]), admitted[i]) end
                if count > 0 then redis.call('HSET', KEYS[4], 'serving', admitted[#admitted]) end
              end
              if rate > 0 then redis.call('HSET', KEYS[4], 'tokens', tokens - count, 'at', now) end
            end
            local ever = redis.call('HINCRBY', KEYS[4], 'ever', count)
            local counters = redis.call('HMGET', KEYS[4], 'serving', 'last')
            return {ever, tonumber(counters[1]) or 0, tonumber(counters[2]) or 0, redis.call('ZCARD', KEYS[1]),
                    line[1] and 1 or 0}
            """;

    private final RedissonClient redisson;
    private final SecureRandom random = new SecureRandom();
    private final Set<String> registered = ConcurrentHashMap.newKeySet();

    public WaitingQueue(RedissonClient redisson) {
        this.redisson = redisson;
    }

    /** Where a fan stands: admitted until a moment, queued, or not in this waiting room. */
    public sealed interface Place {
        record Admitted(Instant until) implements Place {
        }

        /** {@code number}: the fan's place in line, null until places are drawn; {@code ahead}: fans before them. */
        record Queued(Long number, long ahead, long queueLength) implements Place {
        }

        record Absent() implements Place {
        }
    }

    public Place join(String eventId, String userId, Instant salesOpen, Instant now, Duration admission) {
        if (!registered.contains(eventId)) {
            redisson.getSet(REGISTRY, StringCodec.INSTANCE).add(eventId);
            registered.add(eventId); // once per node: a join is one round trip to Redis
        }
        return place(eventId, userId, salesOpen, now, admission, true);
    }

    public Place look(String eventId, String userId, Instant salesOpen, Instant now, Duration admission) {
        return place(eventId, userId, salesOpen, now, admission, false);
    }

    private Place place(String eventId, String userId, Instant salesOpen, Instant now, Duration admission,
                        boolean join) {
        List<Object> answer = script().eval(key(eventId, "queue"), RScript.Mode.READ_WRITE, JOIN_OR_LOOK,
                RScript.ReturnType.MULTI, List.of(key(eventId, "queue"), key(eventId, "admitted"),
                        key(eventId, "claimed"), key(eventId, "line")), userId, Long.toString(now.toEpochMilli()),
                Long.toString(salesOpen.toEpochMilli()), Long.toString(random.nextLong(RANDOM_SCORES)),
                join ? "1" : "0", Long.toString(admission.toMillis()));
        return switch (((Number) answer.get(0)).intValue()) {
            case 1 -> new Place.Admitted(Instant.ofEpochMilli(Long.parseLong(answer.get(1).toString())));
            case 2 -> {
                long number = ((Number) answer.get(1)).longValue();
                yield new Place.Queued(number < 0 ? null : number, ((Number) answer.get(2)).longValue(),
                        ((Number) answer.get(3)).longValue());
            }
            default -> new Place.Absent();
        };
    }

    /**
     * The outcome of one admission pass: fans let in ever (to measure the pace), the place of the last fan let in,
     * the last place given, the fans still queued, and whether places are drawn yet.
     */
    public record Admission(long ever, long serving, long lastPlace, long queued, boolean drawn) {
    }

    public Admission admit(String eventId, Instant salesOpen, Instant now, Duration pickUp, int maxInFlow,
                           int seatsAvailable, Integer admissionsPerSecond) {
        List<Object> answer = script().eval(key(eventId, "queue"), RScript.Mode.READ_WRITE, ADMIT,
                RScript.ReturnType.MULTI, List.of(key(eventId, "queue"), key(eventId, "admitted"),
                        key(eventId, "claimed"), key(eventId, "line"), key(eventId, "just-held")),
                Long.toString(now.toEpochMilli()), Long.toString(pickUp.toMillis()), Integer.toString(maxInFlow),
                Integer.toString(seatsAvailable), Integer.toString(admissionsPerSecond == null ? 0
                        : admissionsPerSecond), Long.toString(salesOpen.toEpochMilli()));
        return new Admission(number(answer, 0), number(answer, 1), number(answer, 2), number(answer, 3),
                number(answer, 4) == 1);
    }

    private static long number(List<Object> answer, int index) {
        return ((Number) answer.get(index)).longValue();
    }

    /**
     * The fan is done with the flow, holding {@code seats} seats (0: they left without any): their place goes to the
     * next in the queue, and their seats count as taken until {@code countedBy}, when the seat counts include them.
     */
    public void leaveFlow(String eventId, String userId, int seats, Instant countedBy) {
        script().eval(key(eventId, "admitted"), RScript.Mode.READ_WRITE, """
                        redis.call('ZREM', KEYS[1], ARGV[1])
                        redis.call('SREM', KEYS[3], ARGV[1])
                        if ARGV[2] ~= '0' then
                          redis.call('ZADD', KEYS[2], ARGV[3], ARGV[2] .. '|' .. ARGV[1] .. '|' .. ARGV[4])
                        end
                        return 0
                        """, RScript.ReturnType.INTEGER, List.of(key(eventId, "admitted"), key(eventId, "just-held"),
                        key(eventId, "claimed")),
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
