package io.boxoffice.app.catalog;

import io.boxoffice.api.catalog.EventCreated;
import io.boxoffice.api.common.Money;
import io.boxoffice.app.support.Api;
import io.boxoffice.app.support.ApplicationTest;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Events that validation would refuse, appended straight into the event store (as an older release, a bug or a
 * hand-made repair could): the catalog sets each one aside as a dead letter, and every other event goes on being
 * browsable, live and rebuildable.
 */
class PoisonEventIT extends ApplicationTest {

    @Test
    void aPoisonEventHoldsBackOnlyItsOwnSequence() {
        String admin = api.token("admin");
        String venueId = api.createVenue(admin, Api.venue("Poisoned Hall", 1, 3));
        String nul = append(venueId, "nul\u0000byte", Instant.parse("2031-01-01T20:00:00Z"));
        String endOfTime = append(venueId, "Forever", Instant.parse("+999999999-12-31T23:59:59Z"));

        List<String> later = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            later.add(api.createEvent(admin, venueId, ""));
        }
        String fan = api.token("poison-bystander");
        later.forEach(eventId -> assertThat(api.reserve(fan, eventId, List.of("A-1-1")).status()).isEqualTo(201));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(later).allSatisfy(eventId -> assertThat(
                api.get("/api/events/" + eventId + "/availability", null).strings("held"))
                .as("browsable and live: %s", eventId).containsExactly("A-1-1")));

        Api.Response letters = api.get("/api/admin/dead-letters", admin);
        assertThat(letters.body().path("catalog").findValuesAsText("payloadType"))
                .containsOnly(EventCreated.class.getName()).hasSize(2);
        assertThat(letters.body().path("catalog").findValuesAsText("causeMessage")).isNotEmpty();
        assertThat(api.get("/api/events/" + nul + "/availability", null).status()).isEqualTo(404);
        assertThat(api.get("/actuator/health", admin).body().at("/components/deadLetters/details/catalog").asLong())
                .isEqualTo(2);
        assertThat(api.text("/actuator/prometheus", admin))
                .contains("boxoffice_dead_letters{application=\"boxoffice\",read_model=\"catalog\"} 2.0");

        Api.Response replayed = api.post("/api/admin/read-models/catalog/replay", admin, null);
        assertThat(replayed.status()).as("%s", replayed.body()).isEqualTo(200);
        assertThat(replayed.body().path("deadLetters").asLong()).as("set aside again by the replay").isEqualTo(2);
        letters = api.get("/api/admin/dead-letters", admin);
        assertThat(letters.body().path("catalog").findValuesAsText("payloadType"))
                .containsOnly(EventCreated.class.getName()).hasSize(2);
        assertThat(later).allSatisfy(eventId -> assertThat(api.get("/api/events/" + eventId + "/availability", null)
                .strings("held")).as("after the replay: %s", eventId).containsExactly("A-1-1"));

        String endOfTimeLetter = letters.body().path("catalog").findValuesAsText("eventIdentifier").stream()
                .filter(id -> !id.isEmpty()).reduce((a, b) -> b).orElseThrow();
        assertThat(api.delete("/api/admin/dead-letters/catalog/" + endOfTimeLetter, admin).status()).isEqualTo(204);
        assertThat(api.get("/api/admin/dead-letters", admin).body().path("catalog")).hasSize(1);
        assertThat(api.post("/api/admin/dead-letters/catalog/retry", admin, null).body().path("remaining").asLong())
                .as("still poison on retry").isEqualTo(1);
        assertThat(api.get("/api/admin/dead-letters", api.token("poison-bystander")).status()).isEqualTo(403);
        assertThat(endOfTime).isNotEqualTo(nul);
        later.forEach(eventId -> assertThat(api.post("/api/audit/events/" + eventId + "/verify", admin, null)
                .body().path("clean").asBoolean()).as("verify %s", eventId).isTrue());
    }

    /** An event created as no request could create it: straight into the event store. */
    private String append(String venueId, String name, Instant startsAt) {
        String eventId = UUID.randomUUID().toString();
        context.getBean(EventStore.class).publish(new GenericDomainEventMessage<>("TicketedEvent", eventId, 0,
                new EventCreated(eventId, venueId, name, startsAt, null,
                        Map.of("FLOOR", new Money(new BigDecimal("10.00"), "EUR")), null, 8, null)));
        return eventId;
    }
}
