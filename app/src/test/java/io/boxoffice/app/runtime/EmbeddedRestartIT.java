package io.boxoffice.app.runtime;

import io.boxoffice.api.seat.SeatHeld;
import io.boxoffice.api.seat.SeatKey;
import io.boxoffice.api.seat.SeatReleased;
import io.boxoffice.app.BoxofficeApplication;
import io.boxoffice.app.support.Api;
import io.boxoffice.app.support.EventStoreProbe;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The embedded default as a user runs it, with no external configuration: embedded PostgreSQL and Redis, demo
 * data on first start. Stopped and started again on the same data folder, it still has every venue, event and
 * hold, and adds no second copy of the demo data.
 */
@ExtendWith(OutputCaptureExtension.class)
class EmbeddedRestartIT {

    @TempDir
    Path dataDir;

    private ConfigurableApplicationContext start(String... more) {
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--boxoffice.embedded.data-dir=" + dataDir));
        args.addAll(List.of(more));
        return new SpringApplicationBuilder(BoxofficeApplication.class).run(args.toArray(String[]::new));
    }

    /** A client that signs in as admin with the password the embedded default made and kept in its data folder. */
    private Api api(ConfigurableApplicationContext app) {
        return new Api(((ServletWebServerApplicationContext) app).getWebServer().getPort(), keptPasswords()
                .getProperty("admin"));
    }

    private Properties keptPasswords() {
        return kept("passwords");
    }

    private Properties kept(String file) {
        Properties kept = new Properties();
        try (Reader in = Files.newBufferedReader(dataDir.resolve(file))) {
            kept.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return kept;
    }

    @Test
    void aRestartKeepsVenuesEventsAndHolds(CapturedOutput output) {
        String eventId;
        String reservationId;
        String venuePayloads;
        try (ConfigurableApplicationContext app = start()) {
            Api api = api(app);
            Properties kept = keptPasswords();
            assertThat(kept.stringPropertyNames()).containsExactlyInAnyOrder("admin", "alice", "bob", "auditor");
            assertThat(output.getOut()).as("printed once, at the first start")
                    .contains("sign in as 'admin' with the password " + kept.getProperty("admin"))
                    .contains("Demo account 'alice' with the password " + kept.getProperty("alice"));
            assertThat(api.post("/api/auth/token", null, Api.credentials("auditor", kept.getProperty("auditor")))
                    .status()).as("the demo auditor signs in with the kept password").isEqualTo(200);
            assertThat(app.getBean(io.zonky.test.db.postgres.embedded.EmbeddedPostgres.class)).isNotNull();
            venuePayloads = venueCreations(app);
            assertThat(venuePayloads).as("the demo theatre and arena").isEqualTo("2");
            eventId = api.eventWithSeats(3);
            Api.Response held = api.reserve(api.token("before-restart"), eventId, List.of("A-1-1", "A-1-2"));
            assertThat(held.status()).isEqualTo(201);
            reservationId = held.text("reservationId");
        }

        int printedBefore = output.getOut().length();
        try (ConfigurableApplicationContext app = start()) {
            Api api = api(app);
            assertThat(output.getOut().substring(printedBefore)).as("not printed again")
                    .doesNotContain(keptPasswords().getProperty("admin"));
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

    /** The keys the embedded default made at its first start are its keys from then on. */
    @Test
    void whatItSignedStillVerifiesAfterARestart() {
        String fanToken;
        String reservationPath;
        String code;
        try (ConfigurableApplicationContext app = start("--boxoffice.demo-data.enabled=false")) {
            Api api = api(app);
            String eventId = api.eventWithSeats(1);
            fanToken = api.token("ticket-holder");
            String reservationId = api.reserve(fanToken, eventId, List.of("A-1-1")).text("reservationId");
            reservationPath = "/api/reservations/" + reservationId;
            String paymentId = api.post(reservationPath + "/checkout", fanToken, null).text("paymentId");
            assertThat(api.post("/sandbox/checkout/" + paymentId + "/succeed", null, null).status()).isEqualTo(303);
            await().atMost(Duration.ofSeconds(20)).until(() -> api.get(reservationPath, fanToken).text("status")
                    .equals("CONFIRMED"));
            code = api.get(reservationPath, fanToken).body().at("/tickets/0/code").asText();
            assertThat(api.get("/api/tickets/verify?code=" + code, null).status()).isEqualTo(200);
        }
        assertThat(keptSecrets().stringPropertyNames()).containsExactlyInAnyOrder("boxoffice.auth.issuer.secret",
                "boxoffice.payment.webhook-secret", "boxoffice.tickets.signing-secret",
                "boxoffice.waiting-room.signing-secret");

        try (ConfigurableApplicationContext app = start("--boxoffice.demo-data.enabled=false")) {
            Api api = api(app);
            assertThat(api.get(reservationPath, fanToken).status()).as("a token from before the restart")
                    .isEqualTo(200);
            Api.Response verified = api.get("/api/tickets/verify?code=" + code, null);
            assertThat(verified.status()).as("a ticket code from before the restart").isEqualTo(200);
            assertThat(verified.text("seatId")).isEqualTo("A-1-1");
        }
    }

    private Properties keptSecrets() {
        return kept("secrets");
    }

    private static String venueCreations(ConfigurableApplicationContext app) {
        return app.getBean(JdbcTemplate.class).queryForObject(
                "SELECT count(*) FROM domain_event_entry WHERE payload_type = 'io.boxoffice.api.catalog.VenueCreated'",
                String.class);
    }

    /** I3 across a restart: a hold that ended while no node ran is released right after the next start. */
    @Test
    void aHoldThatEndedWhileTheAppWasDownIsReleasedRightAfterStart() {
        String eventId;
        String reservationId;
        Instant heldUntil;
        try (ConfigurableApplicationContext app = start("--boxoffice.hold-duration=PT2S",
                "--boxoffice.demo-data.enabled=false")) {
            Api api = api(app);
            eventId = api.eventWithSeats(1);
            Api.Response held = api.reserve(api.token("leaves-early"), eventId, List.of("A-1-1"));
            reservationId = held.text("reservationId");
            heldUntil = Instant.parse(held.text("expiresAt"));
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> Instant.now().isAfter(heldUntil.plusSeconds(1)));

        Instant restart = Instant.now();
        try (ConfigurableApplicationContext app = start("--boxoffice.demo-data.enabled=false")) {
            Instant started = Instant.now();
            Api api = api(app);
            EventStoreProbe store = new EventStoreProbe(app);
            await().atMost(Duration.ofSeconds(20)).until(() -> store.payloads(SeatKey.of(eventId, "A-1-1")).stream()
                    .anyMatch(SeatReleased.class::isInstance));
            Instant released = Instant.now();

            assertThat(api.get("/api/reservations/" + reservationId, api.token("leaves-early")).text("status"))
                    .isEqualTo("EXPIRED");
            System.out.printf("Hold that ended while down: released %d ms after the context started "
                            + "(start-up took %d ms)%n", Duration.between(started, released).toMillis(),
                    Duration.between(restart, started).toMillis());
        }
    }
}
