package io.boxoffice.saga.payment.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.boxoffice.api.payment.PaymentEventType;
import io.boxoffice.saga.payment.WebhookSignature;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Delivers the sandbox gateway's webhooks the way real gateways do: over HTTP, signed, and retried with growing
 * pauses until the app answers 2xx (a 4xx other than 429 is final: the app refused the webhook itself).
 */
@Component
class SandboxWebhookSender implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(SandboxWebhookSender.class);
    private static final int ATTEMPTS = 8;
    private static final Duration FIRST_PAUSE = Duration.ofMillis(250);

    private final WebhookSignature signature;
    private final ObjectMapper json;
    private final Clock clock;
    private final Environment environment;
    private final String configuredUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2, runnable -> {
        Thread thread = new Thread(runnable, "sandbox-webhooks");
        thread.setDaemon(true);
        return thread;
    });

    SandboxWebhookSender(WebhookSignature signature, ObjectMapper json, Clock clock, Environment environment,
                         @Value("${boxoffice.payment.sandbox.webhook-url:}") String configuredUrl) {
        this.signature = signature;
        this.json = json;
        this.clock = clock;
        this.environment = environment;
        this.configuredUrl = configuredUrl;
    }

    /** Sends the webhook until it is acknowledged or refused; completes with the app's last answer (-1: none). */
    CompletableFuture<Integer> deliver(PaymentEventType type, SandboxGateway.SandboxPayment payment) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("id", "evt_" + UUID.randomUUID().toString().replace("-", ""));
        event.put("type", type.wireName());
        event.put("paymentId", payment.paymentId());
        event.put("reservationId", payment.reservationId());
        event.put("amount", payment.amount());
        CompletableFuture<Integer> outcome = new CompletableFuture<>();
        try {
            byte[] body = json.writeValueAsBytes(event);
            scheduler.execute(() -> attempt(body, 1, outcome));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a webhook body is plain data", e);
        }
        return outcome;
    }

    private void attempt(byte[] body, int attempt, CompletableFuture<Integer> outcome) {
        int status;
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(webhookUrl()))
                    .timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json")
                    .header(WebhookSignature.HEADER, signature.sign(body, clock.instant()))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                    .build();
            status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception unreachable) {
            status = -1;
        }
        boolean delivered = status >= 200 && status < 300;
        boolean refused = status >= 400 && status < 500 && status != 429;
        if (delivered || refused) {
            if (refused) {
                log.warn("Sandbox webhook refused by the app with {}", status);
            }
            outcome.complete(status);
            return;
        }
        if (attempt == ATTEMPTS) {
            log.error("Sandbox webhook not delivered after {} attempts (last answer {})", ATTEMPTS, status);
            outcome.complete(status);
            return;
        }
        long pause = FIRST_PAUSE.toMillis() << (attempt - 1);
        scheduler.schedule(() -> attempt(body, attempt + 1, outcome), pause, TimeUnit.MILLISECONDS);
    }

    /** The configured URL, or this node's own webhook endpoint. */
    private String webhookUrl() {
        return configuredUrl.isBlank()
                ? "http://localhost:" + environment.getProperty("local.server.port") + "/api/payments/webhook"
                : configuredUrl;
    }

    @Override
    public void destroy() {
        scheduler.shutdownNow();
    }
}
