package io.boxoffice.saga.payment.sandbox;

import com.sun.net.httpserver.HttpServer;
import io.boxoffice.saga.payment.PaymentProperties;
import io.boxoffice.saga.payment.WebhookSignature;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * One attempt of a sandbox webhook: signed like a real gateway's, final when the app acknowledges or refuses it, and
 * thrown (so that db-scheduler tries again) when the app is away or answers that it cannot take it now.
 */
class SandboxWebhookDeliveryTest {

    private final WebhookSignature signature = new WebhookSignature(
            new PaymentProperties("sandbox", "whsec_sandbox_test", new PaymentProperties.Sandbox(null)));
    private final SandboxWebhookDelivery delivery = new SandboxWebhookDelivery(signature, Clock.systemUTC(),
            new MockEnvironment());
    private final List<String> bodies = new CopyOnWriteArrayList<>();
    private final List<String> signatures = new CopyOnWriteArrayList<>();
    private final AtomicInteger answer = new AtomicInteger(200);
    private HttpServer receiver;
    private String url;

    @BeforeEach
    void receiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/api/payments/webhook", exchange -> {
            bodies.add(new String(exchange.getRequestBody().readAllBytes()));
            signatures.add(exchange.getRequestHeaders().getFirst(WebhookSignature.HEADER));
            exchange.sendResponseHeaders(answer.get(), -1);
            exchange.close();
        });
        receiver.start();
        url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/api/payments/webhook";
    }

    @AfterEach
    void stop() {
        receiver.stop(0);
    }

    private SandboxWebhookDelivery.Webhook webhook() {
        return new SandboxWebhookDelivery.Webhook(url, "{\"id\":\"evt_1\",\"type\":\"payment.succeeded\"}");
    }

    @Test
    void anAcknowledgedWebhookIsDoneAndWasSigned() {
        assertThat(delivery.attempt(webhook())).isEqualTo(200);

        assertThat(bodies).containsExactly(webhook().body());
        signature.verify(signatures.get(0), bodies.get(0).getBytes(), Clock.systemUTC().instant());
    }

    @Test
    void aWebhookTheAppCannotTakeNowIsToBeSentAgain() {
        for (int status : new int[]{500, 503, 429}) {
            answer.set(status);
            assertThatThrownBy(() -> delivery.attempt(webhook()))
                    .isInstanceOf(SandboxWebhookDelivery.NotAcknowledged.class).hasMessageContaining("" + status);
        }
        assertThat(bodies).hasSize(3);
    }

    @Test
    void aWebhookTheAppRefusedIsFinal() {
        answer.set(400);

        assertThat(delivery.attempt(webhook())).isEqualTo(400);
    }

    @Test
    void anUnreachableAppIsTriedAgain() {
        receiver.stop(0);

        assertThatThrownBy(() -> delivery.attempt(webhook()))
                .isInstanceOf(SandboxWebhookDelivery.NotAcknowledged.class);
    }

    @Test
    void attemptsGoOnForAboutAnHourThePausesDoublingUpToAMinute() {
        assertThat(SandboxWebhookDelivery.pauseAfter(1)).isEqualTo(Duration.ofMillis(250));
        assertThat(SandboxWebhookDelivery.pauseAfter(2)).isEqualTo(Duration.ofMillis(500));
        assertThat(SandboxWebhookDelivery.pauseAfter(8)).isEqualTo(Duration.ofSeconds(32));
        assertThat(SandboxWebhookDelivery.pauseAfter(9)).isEqualTo(Duration.ofMinutes(1));
        assertThat(SandboxWebhookDelivery.pauseAfter(SandboxWebhookDelivery.ATTEMPTS)).isEqualTo(Duration.ofMinutes(1));
        Duration total = Duration.ZERO;
        for (int failures = 1; failures < SandboxWebhookDelivery.ATTEMPTS; failures++) {
            total = total.plus(SandboxWebhookDelivery.pauseAfter(failures));
        }
        assertThat(total).isBetween(Duration.ofMinutes(55), Duration.ofMinutes(70));
    }
}
