package io.boxoffice.saga.payment.sandbox;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.sun.net.httpserver.HttpServer;
import io.boxoffice.app.support.ApplicationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The sandbox's webhook deliveries are db-scheduler tasks in PostgreSQL: a delivery the receiver cannot take is kept
 * there with its failures counted (so a restart of the node does not lose it) and sent again until it is
 * acknowledged. In this package to reach the task's descriptor, which the sagas module keeps to itself.
 */
class SandboxWebhookRetryIT extends ApplicationTest {

    private final List<Integer> answers = new CopyOnWriteArrayList<>();
    private volatile int answer = 503;
    private HttpServer receiver;

    @BeforeEach
    void receiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/webhook", exchange -> {
            exchange.getRequestBody().readAllBytes();
            int status = answer;
            answers.add(status);
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stop() {
        receiver.stop(0);
    }

    @Test
    void aDeliveryTheReceiverCannotTakeIsKeptInTheDatabaseAndSentAgainUntilAcknowledged() {
        SchedulerClient scheduler = context.getBean(SchedulerClient.class);
        String id = "evt_" + UUID.randomUUID();
        String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/webhook";
        scheduler.scheduleIfNotExists(SandboxWebhookDelivery.TASK.instance(id)
                .data(new SandboxWebhookDelivery.Webhook(url, "{\"id\":\"" + id + "\"}")).scheduledTo(Instant.now()));

        await().atMost(Duration.ofSeconds(20)).until(() -> scheduler
                .getScheduledExecution(SandboxWebhookDelivery.TASK.instanceId(id))
                .filter(execution -> execution.getConsecutiveFailures() >= 2).isPresent());
        assertThat(answers).hasSizeGreaterThanOrEqualTo(2).containsOnly(503);

        answer = 200;

        await().atMost(Duration.ofSeconds(20)).until(() -> answers.contains(200));
        await().atMost(Duration.ofSeconds(5)).until(() -> scheduler
                .getScheduledExecution(SandboxWebhookDelivery.TASK.instanceId(id)).isEmpty());
        assertThat(answers).as("nothing after the acknowledgement").endsWith(200).containsOnlyOnce(200);
    }
}
