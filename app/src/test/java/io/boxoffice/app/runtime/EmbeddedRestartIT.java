package io.boxoffice.app.runtime;

import io.boxoffice.api.seat.SeatHeld;
import io.boxoffice.api.seat.SeatKey;
import io.boxoffice.app.BoxofficeApplication;
import io.boxoffice.app.support.Api;
import io.boxoffice.app.support.EventStoreProbe;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded default as a user runs it, with no external configuration: embedded PostgreSQL and Redis, demo
 * data on first start. Stopped and started again on the same data folder, it still has every venue, event and
 * hold, and adds no second copy of the demo data.
 */
class EmbeddedRestartIT {

    private static final String SECRET = "restart-test-secret-of-at-least-32-bytes";

    @TempDir
    Path dataDir;

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(BoxofficeApplication.class).run(
                "--server.port=0",
                "--boxoffice.embedded.data-dir=" + dataDir,
                "--boxoffice.auth.issuer.secret=" + SECRET);
    }

    private static Api api(ConfigurableApplicationContext app) {
        return new Api(((ServletWebServerApplicationContext) app).getWebServer().getPort());
    }

    @Test
    void aRestartKeepsVenuesEventsAndHolds() {
        String eventId;
        String reservationId;
        String venuePayloads;
        try (ConfigurableApplicationContext app = start()) {
            Api api = api(app);
            assertThat(app.getBean(io.zonky.test.db.postgres.embedded.EmbeddedPostgres.class)).isNotNull();
            venuePayloads = venueCreations(app);
            assertThat(venuePayloads).as("the demo theatre and arena").isEqualTo("2");
            eventId = api.eventWithSeats(3);
            Api.Response held = api.reserve(api.token("before-restart"), eventId, List.of("A-1-1", "A-1-2"));
            assertThat(held.status()).isEqualTo(201);
            reservationId = held.text("reservationId");
        }

        try (ConfigurableApplicationContext app = start()) {
            Api api = api(app);
            Api.Response reservation = api.get("/api/reservations/" + reservationId, api.token("before-restart"));
            assertThat(reservation.status()).isEqualTo(200);
            assertThat(reservation.text("status")).isEqualTo("HELD");
            assertThat(new EventStoreProbe(app).payloads(SeatKey.of(eventId, "A-1-2")))
                    .hasSize(1).first().isInstanceOf(SeatHeld.class);
            assertThat(api.reserve(api.token("after-restart"), eventId, List.of("A-1-2")).status())
                    .as("the hold survived the restart").isEqualTo(409);
            assertThat(api.reserve(api.token("after-restart"), eventId, List.of("A-1-3")).status()).isEqualTo(201);
            assertThat(venueCreations(app)).as("demo data is made once, plus the test's venue").isEqualTo("3");
        }
    }

    private static String venueCreations(ConfigurableApplicationContext app) {
        return app.getBean(JdbcTemplate.class).queryForObject(
                "SELECT count(*) FROM domain_event_entry WHERE payload_type = 'io.boxoffice.api.catalog.VenueCreated'",
                String.class);
    }
}
