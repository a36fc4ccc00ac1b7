package io.boxoffice.app.reservation;

import io.boxoffice.app.BoxofficeApplication;
import io.boxoffice.app.support.Api;
import io.boxoffice.app.support.ApplicationTest;
import io.boxoffice.app.support.SeatRace;
import io.boxoffice.app.support.TestServers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.boxoffice.app.support.SeatRace.assertNoSeatHeldTwice;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Races through two application instances sharing one PostgreSQL and one Redis, as two nodes would: for seats, for
 * one fan's allowance, and for the rate limits they share.
 */
class TwoNodeRaceIT extends ApplicationTest {

    private static final List<String> SEATS = SeatRace.seats(10);
    private static ConfigurableApplicationContext secondNode;

    @BeforeAll
    static void startSecondNode() {
        secondNode = new SpringApplicationBuilder(BoxofficeApplication.class)
                .initializers(new TestServers.Initializer())
                .run("--server.port=0");
    }

    @AfterAll
    static void stopSecondNode() {
        secondNode.close();
    }

    private static int port(ConfigurableApplicationContext node) {
        return ((ServletWebServerApplicationContext) node).getWebServer().getPort();
    }

    @Test
    void fansOnTwoNodesNeverShareASeat() throws Exception {
        Api first = api;
        Api second = new Api(port(secondNode));
        String eventId = first.eventWithSeats(SEATS.size());

        List<SeatRace.Attempt> attempts = SeatRace.run(List.of(first, second), eventId, SEATS, 64, "node-racer-", 7);

        assertNoSeatHeldTwice(store, eventId, SEATS, attempts);
        assertThat(attempts.stream().filter(SeatRace.Attempt::won).map(a -> a.response().text("reservationId")))
                .as("each node reads back what the other one granted")
                .allSatisfy(id -> assertThat(second.get("/api/reservations/" + id, second.token("admin")).status())
                        .isEqualTo(200));
    }

    /** No lock spans the nodes: the fan's allowance in the event store decides, as a seat's does. */
    @Test
    void oneFanOnTwoNodesAtOnceHoldsNoMoreThanTheLimit() throws Exception {
        List<Api> nodes = List.of(api, new Api(port(secondNode)));
        String eventId = api.eventWithSeats(16);
        String fan = api.token("two-node-collector");
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Future<Api.Response>> answers = new ArrayList<>();
        try {
            for (int seat = 1; seat <= 16; seat++) {
                Api node = nodes.get(seat % 2);
                String seatId = "A-1-" + seat;
                answers.add(pool.submit(() -> {
                    start.await();
                    return node.reserve(fan, eventId, List.of(seatId));
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Api.Response> answer : answers) {
                statuses.add(answer.get().status());
            }
            assertThat(statuses).containsOnly(201, 409);
        } finally {
            pool.shutdownNow();
        }
        long held = store.holdsBySeat(eventId, SeatRace.seats(16)).values().stream().filter(h -> !h.isEmpty()).count();
        assertThat(held).as("seats the fan holds in the event store").isBetween(1L, 8L);
    }

    /**
     * A limit spent on one node is spent on the other: the buckets live in Redis. A node that cannot write to Redis
     * in time counts alone for a moment, by design (Redis is a gate, never a reason to refuse everyone); on a
     * saturated CI box that happened mid-test once, so the account's ten tries are played again, with a new account,
     * up to three times: a node that never shared its counts fails all three.
     */
    @Test
    void rateLimitsAreSharedByTheNodes() {
        Api second = new Api(port(secondNode));
        RedissonClient redis = context.getBean(RedissonClient.class);
        List<Integer> eleventhTries = new ArrayList<>();
        for (int round = 1; round <= 3 && !eleventhTries.contains(429); round++) {
            api.awaitRateLimitsInRedis(redis);
            second.awaitRateLimitsInRedis(redis);
            String fan = "shared-limit-fan-" + round;
            api.token(fan); // the first of ten sign-ins the account may try in five minutes
            for (int attempt = 0; attempt < 8; attempt++) {
                api.post("/api/auth/token", null, Api.credentials(fan, "wrong on the first node"));
            }
            assertThat(second.post("/api/auth/token", null, Api.credentials(fan, Api.PASSWORD)).status())
                    .as("the tenth try, on the second node").isEqualTo(200);
            eleventhTries.add(second.post("/api/auth/token", null, Api.credentials(fan, Api.PASSWORD)).status());
        }
        assertThat(eleventhTries).as("the eleventh try on the second node, round by round").contains(429);
    }

    /**
     * The hardest case: no gate and no shared lock, only PostgreSQL's unique key on (aggregate, sequence) between
     * two nodes creating the same seats' first holds.
     */
    @Test
    void withoutRedisTwoNodesStillNeverShareASeat() throws Exception {
        Api first = api;
        Api second = new Api(port(secondNode));
        String eventId = first.eventWithSeats(SEATS.size());
        List<SeatRace.Attempt> attempts;
        TestServers.stopRedis();
        try {
            attempts = SeatRace.run(List.of(first, second), eventId, SEATS, 64, "blind-racer-", 8);
        } finally {
            TestServers.startRedis();
        }

        assertNoSeatHeldTwice(store, eventId, SEATS, attempts);
    }
}
