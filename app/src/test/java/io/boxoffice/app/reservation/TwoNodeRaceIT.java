package io.boxoffice.app.reservation;

import io.boxoffice.app.BoxofficeApplication;
import io.boxoffice.app.support.Api;
import io.boxoffice.app.support.ApplicationTest;
import io.boxoffice.app.support.SeatRace;
import io.boxoffice.app.support.TestServers;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.List;

import static io.boxoffice.app.support.SeatRace.assertNoSeatHeldTwice;
import static org.assertj.core.api.Assertions.assertThat;

/** The race through two application instances sharing one PostgreSQL and one Redis, as two nodes would. */
class TwoNodeRaceIT extends ApplicationTest {

    private static final List<String> SEATS = SeatRace.seats(10);

    private static ConfigurableApplicationContext startSecondNode() {
        return new SpringApplicationBuilder(BoxofficeApplication.class)
                .initializers(new TestServers.Initializer())
                .run("--server.port=0");
    }

    private static int port(ConfigurableApplicationContext node) {
        return ((ServletWebServerApplicationContext) node).getWebServer().getPort();
    }

    @Test
    void fansOnTwoNodesNeverShareASeat() throws Exception {
        try (ConfigurableApplicationContext secondNode = startSecondNode()) {
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
    }

    /**
     * The hardest case: no gate and no shared lock, only PostgreSQL's unique key on (aggregate, sequence) between
     * two nodes creating the same seats' first holds.
     */
    @Test
    void withoutRedisTwoNodesStillNeverShareASeat() throws Exception {
        try (ConfigurableApplicationContext secondNode = startSecondNode()) {
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
}
