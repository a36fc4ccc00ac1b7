package io.boxoffice.app.reservation;

import io.boxoffice.api.reservation.FanTicketsHeld;
import io.boxoffice.app.support.Api;
import io.boxoffice.app.support.ApplicationTest;
import io.boxoffice.app.support.SeatRace;
import io.boxoffice.app.support.WaitingRooms;
import io.boxoffice.command.reservation.FanTickets;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An event's {@code maxTicketsPerFan} (default 8) bounds the seats one fan holds or owns in it over all their
 * reservations, decided with the reservation itself, so that no number of concurrent requests gets past it.
 */
class TicketLimitIT extends ApplicationTest {

    @Test
    void sixteenConcurrentRequestsOfOneFanHoldNoMoreThanTheLimit() throws Exception {
        String eventId = api.eventWithSeats(16);
        String fan = api.token("greedy-fan");
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Future<Api.Response>> answers;
        try {
            answers = IntStream.rangeClosed(1, 16).mapToObj(seat -> pool.submit(() -> {
                start.await();
                return api.reserve(fan, eventId, List.of("A-1-" + seat));
            })).toList();
            start.countDown();
            List<Api.Response> responses = new ArrayList<>();
            for (Future<Api.Response> answer : answers) {
                responses.add(answer.get());
            }

            assertThat(responses).filteredOn(response -> response.status() == 201).hasSize(8);
            assertThat(responses).filteredOn(response -> response.status() != 201).hasSize(8)
                    .allSatisfy(refused -> {
                        assertThat(refused.status()).isEqualTo(409);
                        assertThat(refused.text("type")).isEqualTo("/problems/ticket-limit-reached");
                        assertThat(refused.body().path("maxTicketsPerFan").asInt()).isEqualTo(8);
                    });
        } finally {
            pool.shutdownNow();
        }
        List<String> heldInStore = SeatRace.seats(16).stream()
                .filter(seat -> !store.holdsBySeat(eventId, List.of(seat)).get(seat).isEmpty()).toList();
        assertThat(heldInStore).as("seats held in the event store").hasSize(8);
    }

    @Test
    void theLimitCountsEveryReservationAndACancellationGivesSeatsBack() {
        String eventId = api.eventWithSeats(20);
        String fan = api.token("collector-fan");
        Api.Response eight = api.reserve(fan, eventId, SeatRace.seats(8));
        assertThat(eight.status()).isEqualTo(201);

        Api.Response ninth = api.reserve(fan, eventId, List.of("A-1-9"));
        assertThat(ninth.status()).isEqualTo(409);
        assertThat(ninth.text("type")).isEqualTo("/problems/ticket-limit-reached");
        assertThat(ninth.body().path("ticketsHeldOrOwned").asInt()).isEqualTo(8);
        assertThat(store.holdsBySeat(eventId, List.of("A-1-9")).get("A-1-9")).as("nothing held").isEmpty();

        assertThat(api.delete("/api/reservations/" + eight.text("reservationId"), fan).status()).isEqualTo(202);
        assertThat(api.reserve(fan, eventId, List.of("A-1-9", "A-1-10")).status()).isEqualTo(201);
        assertThat(api.reserve(api.token("other-collector"), eventId, SeatRace.seats(8)).status())
                .as("another fan has a limit of their own").isEqualTo(201);
    }

    @Test
    void anOrganizerSetsTheLimitPerEvent() {
        String admin = api.token("admin");
        String venueId = api.createVenue(admin, Api.venue("Small club", 1, 10));
        String eventId = api.createEvent(admin, venueId, ",\"maxTicketsPerFan\":2");
        String fan = api.token("pair-fan");

        assertThat(api.reserve(fan, eventId, SeatRace.seats(3)).text("type"))
                .isEqualTo("/problems/ticket-limit-reached");
        assertThat(api.reserve(fan, eventId, List.of("A-1-1", "A-1-2")).status()).isEqualTo(201);
        assertThat(api.reserve(fan, eventId, List.of("A-1-3")).status()).isEqualTo(409);
        await().untilAsserted(() -> assertThat(api.graphql(null, "query($id: ID!) { event(id: $id) { "
                + "maxTicketsPerFan } }", Map.of("id", eventId)).body().at("/data/event/maxTicketsPerFan").asInt())
                .as("what browsing tells fans").isEqualTo(2));
    }

    @Test
    void hostileLimitsAreRefusedAndCreateNothing() {
        String admin = api.token("admin");
        String venueId = api.createVenue(admin, Api.venue("Strict hall", 1, 2));
        for (String value : List.of("0", "-1", "1001", "\"eight\"", "1e10", "2.5", "[]", "{}")) {
            Api.Response refused = api.post("/api/events", admin, "{\"venueId\":\"" + venueId + "\",\"name\":\"X\","
                    + "\"startsAt\":\"2030-01-01T20:00:00Z\",\"prices\":{\"FLOOR\":{\"amount\":\"1.00\","
                    + "\"currency\":\"EUR\"}},\"maxTicketsPerFan\":" + value + "}");
            assertThat(refused.status()).as("maxTicketsPerFan %s: %s", value, refused.body()).isEqualTo(400);
        }
    }

    /** An admission lets a fan into the flow once; what they hold there is bounded by the event's limit. */
    @Test
    void anAdmissionServesHoldsOnlyUpToTheLimit() {
        WaitingRooms rooms = new WaitingRooms(api);
        String eventId = rooms.event(10, 10, null, null);
        String fan = api.token("admitted-collector");
        rooms.join(fan, eventId);
        String admission = rooms.admissionToken(fan, eventId);

        for (int seat = 1; seat <= 8; seat++) {
            assertThat(rooms.reserve(fan, eventId, "A-1-" + seat, admission).status()).isEqualTo(201);
        }
        Api.Response ninth = rooms.reserve(fan, eventId, "A-1-9", admission);
        assertThat(ninth.status()).isEqualTo(409);
        assertThat(ninth.text("type")).isEqualTo("/problems/ticket-limit-reached");
    }

    @Test
    void theLimitIsRecordedInTheEventStoreWithTheHold() {
        String eventId = api.eventWithSeats(2);
        Api.Response held = api.reserve(api.token("recorded-fan"), eventId, List.of("A-1-1", "A-1-2"));

        assertThat(store.payloads(FanTickets.idOf(eventId, "recorded-fan")))
                .singleElement().isInstanceOfSatisfying(FanTicketsHeld.class, counted -> {
                    assertThat(counted.seats()).isEqualTo(2);
                    assertThat(counted.reservationId()).isEqualTo(held.text("reservationId"));
                });
    }
}
