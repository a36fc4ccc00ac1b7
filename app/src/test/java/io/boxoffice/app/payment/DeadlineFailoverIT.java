package io.boxoffice.app.payment;

import io.boxoffice.api.seat.SeatKey;
import io.boxoffice.api.seat.SeatReleased;
import io.boxoffice.app.BoxofficeApplication;
import io.boxoffice.app.support.Api;
import io.boxoffice.app.support.ApplicationTest;
import io.boxoffice.app.support.TestServers;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** I3 with several nodes: holds made through a node that then goes away are released on time by another. */
class DeadlineFailoverIT extends ApplicationTest {

    private static final Duration RELEASED_WITHIN = Duration.ofSeconds(5);

    @Test
    void anotherNodeReleasesTheHoldsOfANodeThatStopped() {
        List<String> reservations = new ArrayList<>();
        Instant heldUntil;
        String eventId;
        try (ConfigurableApplicationContext firstNode = new SpringApplicationBuilder(BoxofficeApplication.class)
                .initializers(new TestServers.Initializer())
                .run("--server.port=0", "--boxoffice.hold-duration=PT3S")) {
            Api first = new Api(((ServletWebServerApplicationContext) firstNode).getWebServer().getPort());
            eventId = first.eventWithSeats(3);
            Api.Response held = null;
            for (String seat : List.of("A-1-1", "A-1-2", "A-1-3")) {
                held = first.reserve(first.token("failover-fan"), eventId, List.of(seat));
                reservations.add(held.text("reservationId"));
            }
            heldUntil = Instant.parse(held.text("expiresAt"));
        }

        String lastSeat = "A-1-3";
        await().atMost(Duration.ofSeconds(30)).until(() -> store.payloads(SeatKey.of(eventId, lastSeat)).stream()
                .anyMatch(SeatReleased.class::isInstance));
        Duration late = Duration.between(heldUntil, Instant.now());
        // every node polls for due deadlines each second (db-scheduler.polling-interval): a hold whose node is gone
        // ends within about a second of heldUntil; five allow for a loaded machine
        assertThat(late).as("released after heldUntil").isLessThan(RELEASED_WITHIN);

        String fan = api.token("failover-fan");
        // the fans' view, too: the segments the stopped node processed are claimed by this one within a second
        reservations.forEach(id -> api.reservationOnceItIs(id, fan, "EXPIRED"));
        System.out.printf("Node 1 stopped: node 2 released its holds %d ms after heldUntil%n", late.toMillis());
    }
}
