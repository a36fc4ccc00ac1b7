package io.boxoffice.app.reservation;

import io.boxoffice.api.reservation.ReservationPlaced;
import io.boxoffice.app.support.Api;
import io.boxoffice.app.support.ApplicationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** I6: the same Idempotency-Key from the same fan gets the same answer and has one effect. */
class IdempotencyIT extends ApplicationTest {

    private String eventId;
    private String fan;

    @BeforeEach
    void setUp() {
        eventId = api.eventWithSeats(10);
        fan = api.token("idempotent-fan");
    }

    @Test
    void aRepeatedRequestGetsTheFirstAnswerAndAppendsNothing() {
        Api.Response first = api.reserve(fan, eventId, List.of("A-1-1", "A-1-2"), "Idempotency-Key", "order-1");
        long events = store.eventCountFor(eventId);

        Api.Response again = api.reserve(fan, eventId, List.of("A-1-1", "A-1-2"), "Idempotency-Key", "order-1");

        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(store.eventCountFor(eventId)).isEqualTo(events);
    }

    @Test
    void theSameKeyFromAnotherFanIsAnotherRequest() {
        Api.Response mine = api.reserve(fan, eventId, List.of("A-1-3"), "Idempotency-Key", "shared-key");
        Api.Response theirs = api.reserve(api.token("other-fan"), eventId, List.of("A-1-3"),
                "Idempotency-Key", "shared-key");

        assertThat(mine.status()).isEqualTo(201);
        assertThat(theirs.status()).isEqualTo(409);
        assertThat(theirs.strings("unavailableSeatIds")).containsExactly("A-1-3");
    }

    @Test
    void reusingAKeyForDifferentSeatsIsRefused() {
        assertThat(api.reserve(fan, eventId, List.of("A-1-4"), "Idempotency-Key", "order-2").status()).isEqualTo(201);
        long events = store.eventCountFor(eventId);

        Api.Response other = api.reserve(fan, eventId, List.of("A-1-5"), "Idempotency-Key", "order-2");

        assertThat(other.status()).isEqualTo(422);
        assertThat(other.text("type")).isEqualTo("/problems/idempotency-key-reused");
        assertThat(store.eventCountFor(eventId)).isEqualTo(events);
    }

    @Test
    void aRepeatAfterCancellingDoesNotKeepTheSeatsFromOthers() {
        Api.Response first = api.reserve(fan, eventId, List.of("A-1-8"), "Idempotency-Key", "order-3");
        assertThat(api.delete("/api/reservations/" + first.text("reservationId"), fan).status()).isEqualTo(202);
        api.reservationOnceItIs(first.text("reservationId"), fan, "CANCELLED");
        long events = store.eventCountFor(eventId);

        Api.Response again = api.reserve(fan, eventId, List.of("A-1-8"), "Idempotency-Key", "order-3");

        assertThat(again.text("reservationId")).as("answered as the first time").isEqualTo(first.text("reservationId"));
        assertThat(store.eventCountFor(eventId)).isEqualTo(events);
        assertThat(api.reserve(api.token("next-in-line"), eventId, List.of("A-1-8")).status())
                .as("the repeat took nothing in the gate").isEqualTo(201);
    }

    @Test
    void concurrentTwinsMakeOneReservation() throws Exception {
        List<String> seats = List.of("A-1-6", "A-1-7");
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Api.Response>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < 8; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return api.reserve(fan, eventId, seats, "Idempotency-Key", "double-click");
                }));
            }
            start.countDown();
            List<Api.Response> responses = new ArrayList<>();
            for (Future<Api.Response> answer : answers) {
                responses.add(answer.get());
            }

            assertThat(responses).allSatisfy(response -> assertThat(response.status())
                    .as("%s", response.body()).isEqualTo(201));
            assertThat(responses.stream().map(r -> r.text("reservationId")).distinct()).hasSize(1);
            String reservationId = responses.get(0).text("reservationId");
            assertThat(store.payloads(reservationId)).hasSize(1).first().isInstanceOf(ReservationPlaced.class);
            assertThat(store.holdsBySeat(eventId, seats).values())
                    .allSatisfy(holders -> assertThat(holders).containsExactly(reservationId));
        } finally {
            pool.shutdownNow();
        }
    }
}
