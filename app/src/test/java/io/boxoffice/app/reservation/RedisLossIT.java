package io.boxoffice.app.reservation;

import io.boxoffice.app.support.Api;
import io.boxoffice.app.support.ApplicationTest;
import io.boxoffice.app.support.SeatRace;
import io.boxoffice.app.support.TestServers;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static io.boxoffice.app.support.SeatRace.assertNoSeatHeldTwice;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** I5: Redis is a gate, not the truth. Flushing or stopping it may slow reservations, never double-book. */
class RedisLossIT extends ApplicationTest {

    private static final List<String> SEATS = SeatRace.seats(10);

    @Autowired
    RedissonClient redisson;

    @Test
    void aFlushInTheMiddleOfTheRaceLeavesTheAggregatesToRefuse() throws Exception {
        String eventId = api.eventWithSeats(SEATS.size());
        List<SeatRace.Attempt> attempts = new ArrayList<>(SeatRace.run(List.of(api), eventId, SEATS, 32, "early-", 11));
        double refusedByAggregates = meters.reservations("refused_by_aggregate");

        redisson.getKeys().flushall();
        attempts.addAll(SeatRace.run(List.of(api), eventId, SEATS, 32, "late-", 12));

        assertNoSeatHeldTwice(store, eventId, SEATS, attempts);
        assertThat(meters.reservations("refused_by_aggregate"))
                .as("with the gate emptied, the Seat aggregates turned the late fans away")
                .isGreaterThan(refusedByAggregates);
    }

    @Test
    void withRedisStoppedReservationsStillWorkAndNeverShareASeat() throws Exception {
        String eventId = api.eventWithSeats(SEATS.size());
        double bypassed = meters.gateBypassed();
        String operator = api.token("admin");
        List<SeatRace.Attempt> attempts;
        TestServers.stopRedis();
        try {
            attempts = SeatRace.run(List.of(api), eventId, SEATS, 64, "no-redis-", 13);
            Api.Response health = api.get("/actuator/health", operator);
            assertThat(health.status()).isEqualTo(200);
            assertThat(health.body().at("/components/redis/status").asText()).isEqualTo("DEGRADED");
        } finally {
            TestServers.startRedis();
        }

        assertNoSeatHeldTwice(store, eventId, SEATS, attempts);
        assertThat(meters.gateBypassed()).as("reservations went around the dead gate").isGreaterThan(bypassed);
    }

    @Test
    void whenRedisReturnsTheGateTurnsLosersAwayAgain() {
        String eventId = api.eventWithSeats(2);
        String winner = api.token("gate-winner");
        assertThat(api.reserve(winner, eventId, List.of("A-1-1")).status()).isEqualTo(201);
        TestServers.stopRedis();
        TestServers.startRedis(); // back, but empty

        String loser = api.token("gate-loser");
        // as a fan would try again, not ten times a second (a fan's reservation attempts are rate-limited)
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            double refusedByGate = meters.reservations("refused_by_gate");
            assertThat(api.reserve(loser, eventId, List.of("A-1-1")).status()).isEqualTo(409);
            assertThat(meters.reservations("refused_by_gate"))
                    .as("refused in Redis, without touching PostgreSQL").isGreaterThan(refusedByGate);
        });
        assertThat(api.reserve(loser, eventId, List.of("A-1-2")).status()).isEqualTo(201);
    }
}
