package io.boxoffice.app.support;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many fans asking for overlapping groups of the same few seats at the same instant, through one or more nodes.
 */
public final class SeatRace {

    /** What one fan asked for and what they were told. */
    public record Attempt(String user, List<String> seatIds, Api.Response response) {

        public boolean won() {
            return response.status() == 201;
        }
    }

    private SeatRace() {
    }

    /** Seats A-1-1 .. A-1-n of a one-row venue. */
    public static List<String> seats(int count) {
        return IntStream.rangeClosed(1, count).mapToObj(n -> "A-1-" + n).toList();
    }

    /**
     * {@code fans} fans, each wanting 1 to 4 adjacent seats out of {@code seats}, all released at once. Fan i
     * goes through node i modulo the number of nodes.
     */
    public static List<Attempt> run(List<Api> nodes, String eventId, List<String> seats, int fans, String userPrefix,
                                    long seed) throws Exception {
        Random random = new Random(seed);
        List<Callable<Attempt>> calls = new ArrayList<>();
        CountDownLatch start = new CountDownLatch(1);
        for (int fan = 0; fan < fans; fan++) {
            Api node = nodes.get(fan % nodes.size());
            String user = userPrefix + fan;
            String token = node.token(user);
            int size = 1 + random.nextInt(4);
            int first = random.nextInt(seats.size() - size + 1);
            List<String> wanted = seats.subList(first, first + size);
            calls.add(() -> {
                start.await();
                return new Attempt(user, wanted, node.reserve(token, eventId, wanted));
            });
        }
        ExecutorService pool = Executors.newFixedThreadPool(fans);
        try {
            List<Future<Attempt>> futures = calls.stream().map(pool::submit).toList();
            start.countDown();
            List<Attempt> attempts = new ArrayList<>();
            for (Future<Attempt> future : futures) {
                attempts.add(future.get());
            }
            return attempts;
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * The answers and the event store agree that no seat was held twice, that every winner holds all of its
     * seats, and that no loser holds any.
     */
    public static void assertNoSeatHeldTwice(EventStoreProbe store, String eventId, List<String> seats,
                                             Collection<Attempt> attempts) {
        assertThat(attempts).allSatisfy(attempt -> assertThat(attempt.response().status())
                .as("answer to %s: %s", attempt.user(), attempt.response().body()).isIn(201, 409));
        assertThat(attempts).anyMatch(Attempt::won).anyMatch(attempt -> !attempt.won());

        Map<String, List<String>> seatsByWinner = new HashMap<>();
        Set<String> heldInAnswers = new HashSet<>();
        for (Attempt attempt : attempts) {
            if (attempt.won()) {
                assertThat(attempt.response().strings("seatIds")).isEqualTo(attempt.seatIds());
                assertThat(attempt.response().text("status")).isEqualTo("HELD");
                seatsByWinner.put(attempt.response().text("reservationId"), attempt.seatIds());
                attempt.seatIds().forEach(seat -> assertThat(heldInAnswers.add(seat))
                        .as("seat %s granted to two fans", seat).isTrue());
            } else {
                assertThat(attempt.response().strings("unavailableSeatIds"))
                        .isNotEmpty().isSubsetOf(attempt.seatIds());
            }
        }

        Map<String, List<String>> holds = store.holdsBySeat(eventId, seats);
        holds.forEach((seat, holders) -> assertThat(holders).as("holds of seat %s", seat).hasSizeLessThanOrEqualTo(1));
        seatsByWinner.forEach((reservationId, wanted) -> wanted.forEach(seat ->
                assertThat(holds.get(seat)).as("seat %s of winner %s", seat, reservationId)
                        .containsExactly(reservationId)));
        holds.values().stream().flatMap(List::stream).forEach(holder ->
                assertThat(seatsByWinner).as("a seat is held by a request that was refused").containsKey(holder));
    }
}
