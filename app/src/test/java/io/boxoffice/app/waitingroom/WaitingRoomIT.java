package io.boxoffice.app.waitingroom;

import com.fasterxml.jackson.databind.JsonNode;
import io.boxoffice.app.support.ApplicationTest;
import io.boxoffice.app.support.Gateway;
import io.boxoffice.app.support.WaitingRooms;
import io.boxoffice.command.waitingroom.AdmissionTokens;
import io.boxoffice.command.waitingroom.WaitingQueue;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The virtual waiting room: places, admission by capacity, admission tokens, the sold-out notice. */
class WaitingRoomIT extends ApplicationTest {

    private WaitingRooms rooms;

    @BeforeEach
    void rooms() {
        rooms = new WaitingRooms(api);
    }

    @Test
    void fansWhoArriveBeforeTheOnSaleGetRandomPlacesAndLaterFansQueueInArrivalOrder() throws Exception {
        List<String> early = fans("early", 40); // signed in first: 40 password hashes take seconds of their own
        Instant opens = Instant.now().plusSeconds(5);
        String eventId = rooms.event(1, 1, null, opens);
        for (String fan : early) {
            JsonNode joined = rooms.join(fan, eventId);
            assertThat(joined.path("state").asText()).isEqualTo("WAITING_FOR_SALES");
            assertThat(joined.has("place")).as("no place is known before sales open").isFalse();
        }
        await().until(() -> rooms.line(eventId).path("queued").asLong() == 40);
        assertThat(rooms.line(eventId).path("state").asText()).isEqualTo("WAITING_FOR_SALES");
        // refreshing and opening tabs before the opening: still one place each
        ExecutorService tabs = Executors.newFixedThreadPool(8);
        List<Future<JsonNode>> joins = new ArrayList<>();
        for (int tab = 0; tab < 8; tab++) {
            joins.add(tabs.submit(() -> rooms.join(early.get(0), eventId)));
        }
        for (Future<JsonNode> join : joins) {
            assertThat(join.get().path("queueLength").asLong()).isEqualTo(40);
        }
        tabs.shutdown();
        assertThat(api.graphql(null, "query($id: ID!) { event(id: $id) { waitingRoom { maxFansInFlow "
                + "admissionsPerSecond } } }", Map.of("id", eventId)).body().at("/data/event/waitingRoom")
                .toString()).isEqualTo("{\"maxFansInFlow\":1,\"admissionsPerSecond\":null}");
        assertThat(api.reserve(early.get(0), eventId, List.of("A-1-1")).status()).isEqualTo(403);

        await().until(() -> !rooms.state(early.get(0), eventId).equals("WAITING_FOR_SALES"));
        List<String> late = fans("late", 5);
        late.forEach(fan -> rooms.join(fan, eventId));

        List<String> everyone = new ArrayList<>(early);
        everyone.addAll(late);
        // one seat: one fan in the flow, the one with place 1, and the line says so to everyone
        await().until(() -> rooms.line(eventId).path("nowServing").asLong() == 1);
        assertThat(rooms.admitted(everyone, eventId)).isEqualTo(1);
        JsonNode line = rooms.line(eventId);
        assertThat(line.path("state").asText()).isEqualTo("OPEN");
        assertThat(line.path("lastPlace").asLong()).isEqualTo(45);
        assertThat(line.path("queued").asLong()).isEqualTo(44);

        List<Long> places = everyone.stream().map(fan -> place(fan, eventId)).toList();
        assertThat(new HashSet<>(places)).as("one place each").hasSize(45)
                .isEqualTo(Set.copyOf(LongStream.rangeClosed(1, 45).boxed().toList()));
        assertThat(places.subList(40, 45)).as("later fans behind, in arrival order").containsExactly(41L, 42L, 43L,
                44L, 45L);
        assertThat(places.subList(0, 40)).as("early fans drawn at random, not by who clicked first")
                .isNotEqualTo(LongStream.rangeClosed(1, 40).boxed().toList());
        // a fan's position is their place less the line's: what the page shows from the shared line
        String queued = everyone.stream().filter(fan -> place(fan, eventId) == 9).findFirst().orElseThrow();
        assertThat(rooms.look(queued, eventId).path("position").asLong()).isEqualTo(9 - 1);
        // joining again after the opening keeps one's place
        rooms.join(early.get(7), eventId);
        assertThat(place(early.get(7), eventId)).isEqualTo(places.get(7));
        assertThat(api.get("/api/events/" + eventId + "/waiting-room", null).status()).as("a place needs a token")
                .isEqualTo(401);
    }

    @Test
    void fansAreAdmittedAsSeatsAllowAndTheQueueLearnsWhenTheEventIsSoldOut() {
        String eventId = rooms.event(3, 10, null, null);
        List<String> fans = fans("capacity", 6);
        fans.forEach(fan -> rooms.join(fan, eventId));

        // three seats: three fans in the flow, though the event would take ten
        await().until(() -> rooms.admitted(fans, eventId) == 3);
        awaitFurtherPasses();
        assertThat(rooms.admitted(fans, eventId)).as("passes since let nobody else in").isEqualTo(3);
        List<String> in = fans.stream().filter(fan -> rooms.state(fan, eventId).equals("ADMITTED")).toList();
        List<String> waiting = fans.stream().filter(fan -> !in.contains(fan)).toList();
        assertThat(waiting.stream().map(fan -> rooms.look(fan, eventId).path("position").asLong()))
                .containsExactlyInAnyOrder(1L, 2L, 3L);

        List<String> reservations = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String seat = "A-1-" + (i + 1);
            var held = rooms.reserve(in.get(i), eventId, seat, rooms.admissionToken(in.get(i), eventId));
            assertThat(held.status()).as("%s", held.body()).isEqualTo(201);
            reservations.add(held.text("reservationId"));
        }
        // every seat held: nobody else is let in, and the queue is told why
        await().until(() -> rooms.look(waiting.get(0), eventId).path("allSeatsHeld").asBoolean());
        assertThat(rooms.line(eventId).path("allSeatsHeld").asBoolean()).isTrue();
        assertThat(rooms.line(eventId).path("nowServing").asLong()).isEqualTo(3);
        awaitFurtherPasses();
        assertThat(rooms.admitted(waiting, eventId)).as("every seat held: nobody let in").isZero();

        // a hold is cancelled: its seat lets the next fan in
        String next = waiting.stream().filter(fan -> rooms.look(fan, eventId).path("position").asLong() == 1)
                .findFirst().orElseThrow();
        assertThat(api.delete("/api/reservations/" + reservations.get(2), in.get(2)).status()).isEqualTo(202);
        var again = rooms.reserve(next, eventId, "A-1-3", rooms.admissionToken(next, eventId));
        assertThat(again.status()).isEqualTo(201);
        reservations.set(2, again.text("reservationId"));
        List<String> owners = List.of(in.get(0), in.get(1), next);

        // all three paid: the event is sold out, and whoever waits or arrives is told so
        Gateway gateway = new Gateway(api, context);
        for (int i = 0; i < 3; i++) {
            gateway.click(gateway.checkout(owners.get(i), reservations.get(i)), "succeed");
        }
        List<String> stillWaiting = waiting.stream().filter(fan -> !fan.equals(next)).toList();
        await().until(() -> stillWaiting.stream().allMatch(fan -> rooms.state(fan, eventId).equals("SOLD_OUT")));
        assertThat(rooms.line(eventId).path("state").asText()).isEqualTo("SOLD_OUT");
        JsonNode newcomer = rooms.join(api.token("capacity-newcomer"), eventId);
        assertThat(newcomer.path("state").asText()).isEqualTo("SOLD_OUT");
    }

    @Test
    void onlyTheAdmittedFanReservesWithTheirOwnTokenForThisEvent() {
        String eventId = rooms.event(4, 2, null, null);
        String other = rooms.event(4, 2, null, null);
        String alice = api.token("token-alice");
        String bob = api.token("token-bob");
        rooms.join(alice, eventId);
        rooms.join(bob, other);
        String alices = rooms.admissionToken(alice, eventId);
        String bobsForOtherEvent = rooms.admissionToken(bob, other);
        String expired = context.getBean(AdmissionTokens.class).issue(eventId, "token-alice",
                Instant.now().minusSeconds(1));
        String altered = alices.substring(0, alices.length() - 2) + (alices.endsWith("AA") ? "BB" : "AA");
        long before = store.eventCountFor(eventId);

        record Attempt(String who, String token, String admission) {
        }
        for (Attempt refused : List.of(new Attempt("no token", alice, null),
                new Attempt("someone else's token", bob, alices),
                new Attempt("a token for another event", bob, bobsForOtherEvent),
                new Attempt("an altered token", alice, altered),
                new Attempt("an expired token", alice, expired),
                new Attempt("garbage", alice, "WR1.garbage"))) {
            var response = rooms.reserve(refused.token(), eventId, "A-1-1", refused.admission());
            assertThat(response.status()).as(refused.who()).isEqualTo(403);
            assertThat(response.text("type")).as(refused.who()).isEqualTo("/problems/admission-required");
        }
        assertThat(store.eventCountFor(eventId)).as("refusals change nothing").isEqualTo(before);

        assertThat(rooms.reserve(alice, eventId, "A-1-1", alices).status()).isEqualTo(201);
    }

    @Test
    void aFanWhoLeavesWithoutHoldingMakesRoomForTheNext() {
        String eventId = rooms.event(5, 1, null, null);
        String first = api.token("leaving-first");
        String second = api.token("leaving-second");
        rooms.join(first, eventId);
        rooms.join(second, eventId);
        String token = rooms.admissionToken(first, eventId);
        assertThat(rooms.state(second, eventId)).isEqualTo("QUEUED");

        assertThat(api.delete("/api/events/" + eventId + "/waiting-room", first).status()).isEqualTo(204);
        rooms.admissionToken(second, eventId);
        // the token the first fan was given stays theirs until it ends
        assertThat(rooms.reserve(first, eventId, "A-1-1", token).status()).isEqualTo(201);
    }

    @Test
    void eventsWithoutAWaitingRoomHaveNoneAndNeedNoToken() {
        String eventId = api.eventWithSeats(2);
        var response = api.post("/api/events/" + eventId + "/waiting-room", api.token("no-room"), null);
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.text("type")).isEqualTo("/problems/no-waiting-room");
        assertThat(api.reserve(api.token("no-room"), eventId, List.of("A-1-1")).status()).isEqualTo(201);
        assertThat(api.post("/api/events/" + eventId + "/waiting-room", null, null).status()).isEqualTo(401);
    }

    @Test
    void anAdmissionNobodyPicksUpEndsAndTheNextFanGoesIn() {
        WaitingQueue queue = context.getBean(WaitingQueue.class);
        String eventId = "pick-up-" + System.nanoTime(); // no such event: only this test's passes run on it
        Instant opened = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Duration admission = Duration.ofMinutes(10);
        Duration pickUp = Duration.ofSeconds(30);
        queue.join(eventId, "gone", opened, opened, admission);
        queue.join(eventId, "next", opened, opened, admission);
        queue.join(eventId, "third", opened, opened, admission);

        // the first fan's number comes up, but they closed the page and never ask for their admission
        assertThat(queue.admit(eventId, opened, opened, pickUp, 1, 10, null).serving()).isEqualTo(1);
        assertThat(queue.admit(eventId, opened, opened.plusSeconds(29), pickUp, 1, 10, null).serving())
                .as("one fan in the flow, while their turn lasts").isEqualTo(1);
        // their turn ends unused and the line moves on
        Instant later = opened.plusSeconds(31);
        assertThat(queue.admit(eventId, opened, later, pickUp, 1, 10, null).serving()).isEqualTo(2);
        assertThat(queue.look(eventId, "gone", opened, later, admission)).isEqualTo(new WaitingQueue.Place.Absent());
        // the next fan picks up their admission: it lasts the admission window from then on
        assertThat(queue.look(eventId, "next", opened, later.plusSeconds(5), admission))
                .isEqualTo(new WaitingQueue.Place.Admitted(later.plusSeconds(5).plus(admission)));
        assertThat(queue.admit(eventId, opened, later.plusSeconds(60), pickUp, 1, 10, null).serving())
                .as("a fan who picked up their admission keeps their place in the flow").isEqualTo(2);
    }

    @Test
    void oneNodeHoldsAHundredThousandQueuedFansInAFewMegabytes() throws Exception {
        WaitingQueue queue = context.getBean(WaitingQueue.class);
        String eventId = "capacity-" + System.nanoTime();
        Instant now = Instant.now();
        int fans = 100_000;
        ExecutorService joiners = Executors.newFixedThreadPool(8);
        List<Future<?>> work = new ArrayList<>();
        for (int slice = 0; slice < 8; slice++) {
            int first = slice;
            work.add(joiners.submit(() -> {
                for (int fan = first; fan < fans; fan += 8) {
                    queue.join(eventId, "fan-" + fan, now, now, Duration.ofMinutes(10));
                }
            }));
        }
        for (Future<?> done : work) {
            done.get();
        }
        joiners.shutdown();
        assertThat(queue.queued(eventId)).isEqualTo(fans);
        long bytesPerFan = queue.queueBytes(eventId) / fans;
        System.out.println("waiting room: " + fans + " queued fans, " + bytesPerFan + " bytes of Redis each");
        assertThat(bytesPerFan).as("a queued fan is one sorted-set entry").isLessThan(128);
        assertThat(queue.join(eventId, "fan-late", now, now, Duration.ofMinutes(10)))
                .isEqualTo(new WaitingQueue.Place.Queued(fans + 1L, fans, fans + 1));
    }

    /** The fan's place in line; the one admitted fan had place 1 (the line serves it). */
    private long place(String fan, String eventId) {
        JsonNode status = rooms.look(fan, eventId);
        return status.path("state").asText().equals("ADMITTED") ? 1 : status.path("place").asLong();
    }

    private List<String> fans(String prefix, int count) {
        return IntStream.range(0, count).mapToObj(i -> api.token(prefix + "-" + i)).toList();
    }

    /** Until this node has passed over every waiting room twice more: what it decides now, it has decided. */
    private void awaitFurtherPasses() {
        double rounds = meters.admissionRounds();
        await().until(() -> meters.admissionRounds() >= rounds + 2);
    }
}
