package io.boxoffice.app.audit;

import io.boxoffice.api.seat.SeatHeld;
import io.boxoffice.api.seat.SeatKey;
import io.boxoffice.api.seat.SeatSold;
import io.boxoffice.app.support.Api;
import io.boxoffice.app.support.ApplicationTest;
import io.boxoffice.app.support.Gateway;
import io.boxoffice.app.support.SeatRace;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Auditors replay the event store itself: a seat's history, and every invariant over a whole event (I7). */
class AuditIT extends ApplicationTest {

    private static final List<String> SEATS = SeatRace.seats(10);

    private String auditor;

    @BeforeEach
    void setUp() {
        auditor = api.token("auditor");
    }

    private Api.Response verify(String eventId) {
        return api.post("/api/audit/events/" + eventId + "/verify", auditor, null);
    }

    /** Pays for a reservation through the sandbox and waits until its seats are sold. */
    private void pay(String token, String reservationId) {
        Gateway gateway = new Gateway(api, context);
        gateway.click(gateway.checkout(token, reservationId), "succeed");
        await().atMost(Duration.ofSeconds(10)).until(() ->
                "CONFIRMED".equals(api.get("/api/reservations/" + reservationId, token).text("status")));
    }

    @Test
    void aSeatsHistoryIsItsDomainEventsInOrderForAuditorsOnly() {
        String eventId = api.eventWithSeats(2);
        String fan = api.token("history-fan");
        String reservationId = api.reserve(fan, eventId, List.of("A-1-1")).text("reservationId");
        api.delete("/api/reservations/" + reservationId, fan);
        String path = "/api/audit/events/" + eventId + "/seats/A-1-1/history";

        Api.Response history = api.get(path, auditor);

        assertThat(history.status()).isEqualTo(200);
        assertThat(history.body().path("events").findValuesAsText("type")).containsExactly("SeatHeld", "SeatReleased");
        assertThat(history.body().path("events").findValuesAsText("sequenceNumber")).containsExactly("0", "1");
        assertThat(history.body().at("/events/0/payload/reservationId").asText()).isEqualTo(reservationId);
        assertThat(history.body().at("/events/1/payload/reason").asText()).isEqualTo("CANCELLED");
        assertThat(history.body().at("/events/0/timestamp").asText()).isNotBlank();
        assertThat(api.get(path, api.token("admin")).status()).isEqualTo(200);
        assertThat(api.get(path, fan).status()).isEqualTo(403);
        assertThat(api.get("/api/audit/events/" + eventId + "/seats/Z-9-9/history", auditor).status()).isEqualTo(404);
        assertThat(api.get("/api/audit/events/no-such-event/seats/A-1-1/history", auditor).status()).isEqualTo(404);
    }

    @Test
    void aContendedAndPaidEventVerifiesClean() throws Exception {
        String eventId = api.eventWithSeats(SEATS.size());
        List<SeatRace.Attempt> attempts = SeatRace.run(List.of(api), eventId, SEATS, 32, "audited-", 21);
        List<SeatRace.Attempt> winners = attempts.stream().filter(SeatRace.Attempt::won).toList();
        SeatRace.Attempt paid = winners.get(0);
        pay(api.token(paid.user()), paid.response().text("reservationId"));
        int held = winners.stream().mapToInt(winner -> winner.seatIds().size()).sum() - paid.seatIds().size();

        Api.Response report = verify(eventId);

        assertThat(report.status()).isEqualTo(200);
        assertThat(report.body().path("violations")).isEmpty();
        assertThat(report.body().path("clean").asBoolean()).isTrue();
        assertThat(report.body().path("seats").asInt()).isEqualTo(SEATS.size());
        assertThat(report.body().at("/seatsByStatus/SOLD").asInt()).isEqualTo(paid.seatIds().size());
        assertThat(report.body().at("/seatsByStatus/HELD").asInt()).isEqualTo(held);
        assertThat(report.body().at("/seatsByStatus/AVAILABLE").asInt())
                .isEqualTo(SEATS.size() - held - paid.seatIds().size());
        assertThat(api.post("/api/audit/events/" + eventId + "/verify", paid.response().text("reservationId"), null)
                .status()).isEqualTo(401);
    }

    @Test
    void aDoubleSaleWrittenPastTheAggregatesIsFound() {
        String eventId = api.eventWithSeats(1);
        String fan = api.token("first-buyer");
        String reservationId = api.reserve(fan, eventId, List.of("A-1-1")).text("reservationId");
        pay(fan, reservationId);
        // what no command can do: a second hold and sale appended straight into the event store
        String seat = SeatKey.of(eventId, "A-1-1");
        long next = store.payloads(seat).size();
        EventStore eventStore = context.getBean(EventStore.class);
        Instant until = Instant.now().plus(Duration.ofMinutes(10));
        eventStore.publish(
                new GenericDomainEventMessage<>("Seat", seat, next, new SeatHeld(eventId, "A-1-1", "forged", "mallory", until)),
                new GenericDomainEventMessage<>("Seat", seat, next + 1, new SeatSold(eventId, "A-1-1", "forged", "mallory")));

        Api.Response report = verify(eventId);

        assertThat(report.body().path("clean").asBoolean()).isFalse();
        assertThat(report.body().path("violations").findValuesAsText("invariant")).contains("I1", "I4");
        assertThat(report.body().path("violations")).anySatisfy(violation -> {
            assertThat(violation.path("invariant").asText()).isEqualTo("I1");
            assertThat(violation.path("seatId").asText()).isEqualTo("A-1-1");
            assertThat(violation.path("reservationId").asText()).isEqualTo("forged");
            assertThat(violation.path("evidence").findValuesAsText("type")).contains("SeatSold");
            assertThat(violation.path("evidence").findValuesAsText("sequenceNumber"))
                    .contains(Long.toString(next + 1));
        });
    }
}
