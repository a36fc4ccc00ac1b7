package io.boxoffice.app.security;

import io.boxoffice.app.support.Api;
import io.boxoffice.app.support.ApplicationTest;
import io.boxoffice.app.support.TestServers;
import io.boxoffice.app.support.WaitingRooms;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every kind of repeated request a bot makes meets its limit, per account and per client address, answered 429
 * with Retry-After; limits live in Redis (shared by all nodes) and hold per node while Redis is away.
 */
class RateLimitIT extends ApplicationTest {

    @Test
    void bruteForceOnOneAccountIsStoppedAndNeverSucceeds() {
        api.token("brute-target");
        List<Integer> answers = new ArrayList<>();
        for (int attempt = 0; attempt < 30; attempt++) {
            // from a new address each time, as a botnet would: the account's own limit stops it
            answers.add(api.post("/api/auth/token", null, Api.credentials("brute-target", "guess number " + attempt),
                    "X-Forwarded-For", "203.0.113." + attempt).status());
        }
        assertThat(answers.subList(0, 9)).as("ten tries in all, with the first sign-in").containsOnly(401);
        assertThat(answers.subList(9, 30)).containsOnly(429);

        Api.Response right = api.post("/api/auth/token", null, Api.credentials("brute-target", Api.PASSWORD),
                "X-Forwarded-For", "203.0.113.200");
        assertThat(right.status()).as("not even the right password gets through now").isEqualTo(429);
        assertThat(right.text("type")).isEqualTo("/problems/rate-limited");
        assertThat(right.body().path("token").isMissingNode()).isTrue();
        assertThat(Integer.parseInt(right.header("Retry-After"))).as("seconds until one more try").isBetween(1, 30);
    }

    @Test
    void oneAddressCannotTryManyAccounts() {
        long start = System.nanoTime();
        List<Integer> answers = IntStream.range(0, 60).mapToObj(i -> api.post("/api/auth/token", null,
                Api.credentials("sprayed-" + i, "password spray"), "X-Forwarded-For", "198.51.100.7").status()).toList();

        assertThat(answers.subList(0, 50)).containsOnly(401);
        assertLimited(answers, 401, 50, refilledSince(start, Duration.ofSeconds(6)));
        assertThat(api.post("/api/auth/token", null, Api.credentials("sprayed-0", "password spray"),
                "X-Forwarded-For", "198.51.100.8").status()).as("another address is not affected").isEqualTo(401);
    }

    /** 300 new usernames from one address joined a waiting room in 2.4 s: now they cannot even be made. */
    @Test
    void oneAddressCannotMakeHundredsOfAccounts() {
        long created = IntStream.range(0, 300).map(i -> api.post("/api/auth/accounts", null,
                        Api.credentials("mass-made-" + i, Api.PASSWORD), "X-Forwarded-For", "198.51.100.20").status())
                .filter(status -> status == 201).count();

        assertThat(created).isEqualTo(20);
    }

    @Test
    void reservationAttemptsAreLimitedPerFan() {
        String eventId = api.eventWithSeats(1);
        String fan = api.token("hammering-fan");
        long start = System.nanoTime();
        List<Integer> answers = IntStream.range(0, 40).mapToObj(i -> api.reserve(fan, eventId, List.of("A-1-99"))
                .status()).toList();

        assertThat(answers.subList(0, 30)).containsOnly(400);
        assertLimited(answers, 400, 30, refilledSince(start, Duration.ofSeconds(2)));
        assertThat(api.reserve(api.token("patient-fan"), eventId, List.of("A-1-1")).status()).isEqualTo(201);
    }

    @Test
    void waitingRoomJoinsAreLimitedPerFan() {
        WaitingRooms rooms = new WaitingRooms(api);
        String eventId = rooms.event(5, 1, null, null);
        String fan = api.token("rejoining-fan");
        List<Integer> answers = IntStream.range(0, 25).mapToObj(i -> api.post("/api/events/" + eventId
                + "/waiting-room", fan, null).status()).toList();

        assertThat(answers.subList(0, 20)).containsOnly(200);
        assertThat(answers.subList(20, 25)).containsOnly(429);
    }

    @Test
    void limitsAreKeptInRedisForEveryNode() {
        api.post("/api/auth/token", null, Api.credentials("counted-fan", "some password"));

        RedissonClient redis = context.getBean(RedissonClient.class);
        assertThat(redis.getKeys().getKeysStreamByPattern("ratelimit:sign-in-per-account:counted-fan"))
                .hasSize(1);
        assertThat(redis.getBucket("ratelimit:sign-in-per-account:counted-fan", StringCodec.INSTANCE)
                .remainTimeToLive()).as("an idle bucket leaves Redis").isPositive();
    }

    @Test
    void withoutRedisEachNodeStillLimitsAndServes() {
        api.token("redisless-fan");
        TestServers.stopRedis();
        try {
            List<Integer> answers = IntStream.range(0, 12).mapToObj(i -> api.post("/api/auth/token", null,
                    Api.credentials("redisless-fan", Api.PASSWORD), "X-Forwarded-For", "203.0.113.77").status())
                    .toList();
            assertThat(answers.subList(0, 10)).as("signing in works without Redis").containsOnly(200);
            assertThat(answers.subList(10, 12)).containsOnly(429);
        } finally {
            TestServers.startRedis();
            api.awaitRateLimitsInRedis(context.getBean(RedissonClient.class));
        }
    }

    /**
     * {@code capacity} requests were served at once and, past them, only what the bucket refilled meanwhile; every
     * other request was refused with 429.
     */
    private static void assertLimited(List<Integer> answers, int served, int capacity, long refilled) {
        assertThat(capacity + refilled).as("fast enough to meet the limit").isLessThan(answers.size());
        assertThat(answers).containsOnly(served, 429);
        assertThat(answers.stream().filter(status -> status == served).count())
                .isBetween((long) capacity, capacity + refilled);
    }

    /** The requests a bucket refilled with one every {@code every} since {@code start}, rounded up. */
    private static long refilledSince(long start, Duration every) {
        return (System.nanoTime() - start) / every.toNanos() + 1;
    }
}
