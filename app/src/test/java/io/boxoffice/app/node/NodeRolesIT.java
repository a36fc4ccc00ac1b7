package io.boxoffice.app.node;

import com.github.kagkarlsson.scheduler.Scheduler;
import io.boxoffice.api.reservation.CancelReservation;
import io.boxoffice.app.BoxofficeApplication;
import io.boxoffice.app.support.Api;
import io.boxoffice.app.support.ApplicationTest;
import io.boxoffice.app.support.TestServers;
import org.axonframework.commandhandling.NoHandlerForCommandException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Nodes of one role or two beside the shared node (which runs all four), on the same PostgreSQL and Redis: each
 * runs its part and nothing else.
 */
class NodeRolesIT extends ApplicationTest {

    @Test
    void aBrowsingNodeServesReadsAndRunsNoCommandsSagasOrDeadlines() {
        String eventId = api.eventWithSeats(2);
        try (ConfigurableApplicationContext node = start("web,query")) {
            Api browsing = new Api(portOf(node));
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> browsing.get("/api/events/" + eventId + "/availability", null).status() == 200);
            assertThat(browsing.get("/actuator/health/readiness", null).status()).isEqualTo(200);

            Api.Response hold = browsing.reserve(api.token("browsing-node-fan"), eventId, List.of("A-1-1"));
            assertThat(hold.status()).as("a hold sent to a browsing node").isEqualTo(404);
            assertThat(hold.contentType()).startsWith("application/problem+json");
            assertThat(api.reserve(api.token("browsing-node-fan"), eventId, List.of("A-1-1")).status())
                    .as("the seat the browsing node refused is still free").isEqualTo(201);

            assertNoCommandHandlers(node);
            assertThat(processors(node)).as("event processors")
                    .anyMatch(name -> name.startsWith("catalog-"))
                    .anyMatch(name -> name.startsWith("reservations-"))
                    .noneMatch(name -> name.equals("payment-saga") || name.equals("seat-gate"));
            assertThat(node.getBean(Scheduler.class).getSchedulerState().isStarted()).as("deadlines run").isFalse();
        }
    }

    @Test
    void aSagaNodeServesOnlyItsHealthAndRunsTheSagaAndDeadlines() {
        String eventId = api.eventWithSeats(1);
        try (ConfigurableApplicationContext node = start("saga")) {
            Api saga = new Api(portOf(node));
            assertThat(saga.get("/actuator/health/readiness", null).status()).isEqualTo(200);
            assertThat(saga.get("/actuator/health/liveness", null).status()).isEqualTo(200);
            for (String path : List.of("/api/events/" + eventId + "/availability", "/", "/actuator/prometheus")) {
                Api.Response answer = saga.get(path, null);
                assertThat(answer.status()).as(path).isEqualTo(404);
                assertThat(answer.contentType()).as(path).startsWith("application/problem+json");
            }
            assertThat(saga.reserve(api.token("saga-node-fan"), eventId, List.of("A-1-1")).status()).isEqualTo(404);

            assertNoCommandHandlers(node);
            assertThat(processors(node)).as("event processors").containsExactly("payment-saga");
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> node.getBean(Scheduler.class).getSchedulerState().isStarted());
        }
    }

    private static ConfigurableApplicationContext start(String roles) {
        return new SpringApplicationBuilder(BoxofficeApplication.class)
                .initializers(new TestServers.Initializer())
                .run("--server.port=0", "--boxoffice.roles=" + roles);
    }

    private static int portOf(ConfigurableApplicationContext node) {
        return ((ServletWebServerApplicationContext) node).getWebServer().getPort();
    }

    private static void assertNoCommandHandlers(ConfigurableApplicationContext node) {
        CommandGateway commands = node.getBean(CommandGateway.class);
        assertThatThrownBy(() -> commands.sendAndWait(new CancelReservation(UUID.randomUUID().toString(), "anyone")))
                .isInstanceOf(NoHandlerForCommandException.class);
    }

    private static Set<String> processors(ConfigurableApplicationContext node) {
        return node.getBean(EventProcessingConfiguration.class).eventProcessors().values().stream()
                .map(EventProcessor::getName).collect(Collectors.toSet());
    }
}
