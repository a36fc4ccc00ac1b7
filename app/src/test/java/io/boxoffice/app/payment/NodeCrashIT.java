package io.boxoffice.app.payment;

import io.boxoffice.api.seat.SeatKey;
import io.boxoffice.api.seat.SeatReleased;
import io.boxoffice.app.BoxofficeApplication;
import io.boxoffice.app.support.Api;
import io.boxoffice.app.support.ApplicationTest;
import io.boxoffice.app.support.TestServers;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * I3 when a node crashes (SIGKILL, no shutdown): a node in a JVM of its own makes holds and is killed; the
 * remaining node releases them.
 */
class NodeCrashIT extends ApplicationTest {

    private static final Duration RELEASED_WITHIN = Duration.ofSeconds(5);

    @Test
    void theHoldsOfANodeKilledMidFlightAreReleasedByAnother() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Process node = startNode(port);
        List<String> seats = List.of("A-1-1", "A-1-2", "A-1-3");
        String eventId;
        Instant heldUntil;
        try {
            Api doomed = new Api(port);
            await().atMost(Duration.ofSeconds(90)).ignoreExceptions()
                    .until(() -> doomed.get("/actuator/health/readiness", null).status() == 200);
            eventId = doomed.eventWithSeats(seats.size());
            Api.Response held = null;
            for (String seat : seats) {
                held = doomed.reserve(doomed.token("crash-fan"), eventId, List.of(seat));
                assertThat(held.status()).isEqualTo(201);
            }
            heldUntil = Instant.parse(held.text("expiresAt"));
        } finally {
            node.destroyForcibly().waitFor();
        }

        await().atMost(Duration.ofSeconds(60)).until(() -> seats.stream().allMatch(seat ->
                store.payloads(SeatKey.of(eventId, seat)).stream().anyMatch(SeatReleased.class::isInstance)));
        Duration late = Duration.between(heldUntil, Instant.now());
        // every node polls for due deadlines each second (db-scheduler.polling-interval): a hold whose node is gone
        // ends within about a second of heldUntil; five allow for a loaded machine
        assertThat(late).as("released after heldUntil").isLessThan(RELEASED_WITHIN);

        assertThat(api.reserve(api.token("survivor-fan"), eventId, seats).status()).isEqualTo(201);
        System.out.printf("Node killed: the other node released its holds %d ms after heldUntil%n", late.toMillis());
    }

    /** The application in a JVM of its own, on this test's classpath and servers, with holds of 4 seconds. */
    private static Process startNode(int port) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                BoxofficeApplication.class.getName(),
                "--server.port=" + port,
                "--boxoffice.hold-duration=PT4S"));
        TestServers.nodeProperties().forEach(property -> command.add("--" + property));
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(new File("target/crashed-node.log"))
                .start();
    }
}
