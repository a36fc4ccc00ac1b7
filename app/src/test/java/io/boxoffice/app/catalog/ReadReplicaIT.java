package io.boxoffice.app.catalog;

import io.boxoffice.app.BoxofficeApplication;
import io.boxoffice.app.support.Api;
import io.boxoffice.app.support.ApplicationTest;
import io.boxoffice.app.support.TestServers;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Browsing reads through {@code boxoffice.query.datasource.*} (a read replica in production; here the same server,
 * told apart by its connections' application name), while reservations still read the primary.
 */
class ReadReplicaIT extends ApplicationTest {

    @Test
    void browsingReadsTheConfiguredQueryDatasource() {
        String replicaUrl = TestServers.postgres().getJdbcUrl("postgres", "postgres") + "&ApplicationName=boxoffice-replica";
        try (ConfigurableApplicationContext node = new SpringApplicationBuilder(BoxofficeApplication.class)
                .initializers(new TestServers.Initializer())
                .run("--server.port=0", "--boxoffice.query.datasource.url=" + replicaUrl,
                        "--boxoffice.query.datasource.username=postgres",
                        "--boxoffice.query.datasource.password=postgres")) {
            Api browsing = new Api(((ServletWebServerApplicationContext) node).getWebServer().getPort());
            String eventId = browsing.eventWithSeats(2);
            String fan = browsing.token("replica-fan");
            String reservationId = browsing.reserve(fan, eventId, List.of("A-1-1")).text("reservationId");

            assertThat(browsing.get("/api/reservations/" + reservationId, fan).status())
                    .as("read back at once, from the primary").isEqualTo(200);
            await().atMost(Duration.ofSeconds(10)).until(() -> browsing.get("/api/events/" + eventId + "/availability",
                    null).strings("held").contains("A-1-1"));
            assertThat(context.getBean(JdbcTemplate.class).queryForObject(
                    "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'boxoffice-replica' "
                            + "AND query LIKE '%FROM seat_state%'", Long.class))
                    .as("the availability was read through the query datasource").isPositive();
        }
    }

    @Test
    void browsingReadsThePrimaryWhileTheReplicaDoesNotAnswer() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (ConfigurableApplicationContext node = new SpringApplicationBuilder(BoxofficeApplication.class)
                .initializers(new TestServers.Initializer())
                .run("--server.port=0", "--boxoffice.query.datasource.url=jdbc:postgresql://127.0.0.1:" + closedPort
                                + "/postgres", "--boxoffice.query.datasource.username=postgres",
                        "--boxoffice.query.datasource.password=postgres")) {
            Api browsing = new Api(((ServletWebServerApplicationContext) node).getWebServer().getPort());
            String eventId = api.eventWithSeats(2);
            api.reserve(api.token("replica-down-fan"), eventId, List.of("A-1-2"));

            await().atMost(Duration.ofSeconds(10)).until(() -> browsing.get("/api/events/" + eventId + "/availability",
                    null).strings("held").contains("A-1-2"));
            for (int i = 0; i < 5; i++) {
                assertThat(browsing.get("/api/events/" + eventId + "/availability", null).status()).isEqualTo(200);
            }
        }
    }
}
