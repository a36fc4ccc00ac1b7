package io.boxoffice.app.seatupdates;

import io.boxoffice.app.BoxofficeApplication;
import io.boxoffice.app.support.ApplicationTest;
import io.boxoffice.app.support.Gateway;
import io.boxoffice.app.support.SseClient;
import io.boxoffice.app.support.TestServers;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Live seat updates over Server-Sent Events: in order, resumable, and heard on every node. */
class SeatUpdatesIT extends ApplicationTest {

    private String path(String eventId) {
        return "/api/events/" + eventId + "/seat-updates";
    }

    @Test
    void aSubscriberSeesAHoldASaleAndAReleaseInOrder() {
        String eventId = api.eventWithSeats(4);
        await().atMost(Duration.ofSeconds(10)).until(() ->
                api.get("/api/events/" + eventId + "/availability", null).status() == 200);
        try (SseClient updates = new SseClient(port, path(eventId), null)) {
            String fan = api.token("live-fan");
            String bought = api.reserve(fan, eventId, List.of("A-1-1")).text("reservationId");
            String cancelled = api.reserve(fan, eventId, List.of("A-1-2")).text("reservationId");
            Gateway gateway = new Gateway(api, context);
            gateway.click(gateway.checkout(fan, bought), "succeed");
            await().atMost(Duration.ofSeconds(10)).until(() -> updates.changes().contains("A-1-1 SOLD"));
            api.delete("/api/reservations/" + cancelled, fan);

            await().atMost(Duration.ofSeconds(10)).until(() -> updates.changes().contains("A-1-2 AVAILABLE"));

            assertThat(updates.status()).isEqualTo(200);
            assertThat(updates.changes()).containsSubsequence("A-1-1 HELD", "A-1-1 SOLD");
            assertThat(updates.changes()).containsSubsequence("A-1-2 HELD", "A-1-2 AVAILABLE");
            assertThat(updates.messages()).allSatisfy(message -> assertThat(message.id()).isNotBlank());
        }
    }

    @Test
    void aReconnectingSubscriberResumesAfterItsLastEventIdOrIsToldToRefetch() {
        String eventId = api.eventWithSeats(4);
        await().atMost(Duration.ofSeconds(10)).until(() ->
                api.get("/api/events/" + eventId + "/availability", null).status() == 200);
        String fan = api.token("reconnecting-fan");
        String lastId;
        try (SseClient first = new SseClient(port, path(eventId), null)) {
            api.reserve(fan, eventId, List.of("A-1-1"));
            await().atMost(Duration.ofSeconds(10)).until(() -> !first.messages().isEmpty());
            lastId = first.messages().get(first.messages().size() - 1).id();
        }
        api.reserve(fan, eventId, List.of("A-1-3"));
        await().atMost(Duration.ofSeconds(10)).until(() ->
                api.get("/api/events/" + eventId + "/availability", null).strings("held").contains("A-1-3"));

        try (SseClient resumed = new SseClient(port, path(eventId), lastId);
             SseClient tooOld = new SseClient(port, path(eventId), "1")) {
            await().atMost(Duration.ofSeconds(10)).until(() -> resumed.changes().contains("A-1-3 HELD"));
            await().atMost(Duration.ofSeconds(10)).until(() -> !tooOld.messages().isEmpty());

            assertThat(resumed.changes()).doesNotContain("A-1-1 HELD");
            assertThat(tooOld.messages().get(0).event()).isEqualTo("refetch");
        }
    }

    @Test
    void aSubscriberOnAnotherNodeSeesChangesMadeThroughThisOne() {
        String eventId = api.eventWithSeats(2);
        await().atMost(Duration.ofSeconds(10)).until(() ->
                api.get("/api/events/" + eventId + "/availability", null).status() == 200);
        try (ConfigurableApplicationContext secondNode = new SpringApplicationBuilder(BoxofficeApplication.class)
                .initializers(new TestServers.Initializer()).run("--server.port=0");
             SseClient updates = new SseClient(
                     ((ServletWebServerApplicationContext) secondNode).getWebServer().getPort(), path(eventId), null)) {
            api.reserve(api.token("first-node-fan"), eventId, List.of("A-1-2"));

            await().atMost(Duration.ofSeconds(15)).until(() -> updates.changes().contains("A-1-2 HELD"));
        }
    }

    @Test
    void anUnknownEventHasNoStream() {
        assertThat(api.get(path("no-such-event"), null).status()).isEqualTo(404);
    }
}
