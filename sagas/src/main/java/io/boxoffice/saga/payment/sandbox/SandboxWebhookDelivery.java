package io.boxoffice.saga.payment.sandbox;

import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import io.boxoffice.saga.payment.WebhookSignature;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import java.io.Serializable;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;

/**
 * The db-scheduler task that delivers one sandbox webhook: over HTTP, signed at each attempt, until the app answers
 * 2xx (a 4xx other than 429 is final: the app refused the webhook itself). A failed attempt throws, and
 * db-scheduler schedules the next on any node: the pauses doubling from 250 ms up to a minute, {@value #ATTEMPTS}
 * attempts in all, about an hour, as real gateways keep trying. The fan has paid: a webhook given up while the nodes
 * were overloaded for half a minute (as the 8 attempts of 32 s before did in a drill) is money taken for no ticket
 * and no refund; one that arrives after the hold ended is refunded by the saga.
 */
@Component
@ConditionalOnProperty(name = "boxoffice.payment.gateway", havingValue = "sandbox", matchIfMissing = true)
class SandboxWebhookDelivery {

    static final TaskDescriptor<Webhook> TASK = TaskDescriptor.of("sandbox-webhook", Webhook.class);
    static final int ATTEMPTS = 72;
    private static final Duration FIRST_PAUSE = Duration.ofMillis(250);
    private static final Duration LONGEST_PAUSE = Duration.ofMinutes(1);
    private static final Logger log = LoggerFactory.getLogger(SandboxWebhookDelivery.class);

    /** A webhook's body and where it goes ({@code url} null: the endpoint of the node that makes the attempt). */
    record Webhook(String url, String body) implements Serializable {
    }

    private final WebhookSignature signature;
    private final Clock clock;
    private final Environment environment;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    SandboxWebhookDelivery(WebhookSignature signature, Clock clock, Environment environment) {
        this.signature = signature;
        this.clock = clock;
        this.environment = environment;
    }

    @Bean
    OneTimeTask<Webhook> sandboxWebhookTask() {
        return Tasks.oneTime(TASK)
                .onFailure(new FailureHandler.MaxRetriesFailureHandler<Webhook>(ATTEMPTS - 1,
                        (complete, operations) -> operations.reschedule(complete, complete.getTimeDone()
                                .plus(pauseAfter(complete.getExecution().consecutiveFailures + 1))),
                        (complete, operations) -> log.error("Sandbox webhook not delivered after {} attempts",
                                ATTEMPTS)))
                .execute((instance, context) -> attempt(instance.getData()));
    }

    /** The pause after the given number of failed attempts in a row. */
    static Duration pauseAfter(int failures) {
        int doublings = Math.min(failures - 1, 20);
        Duration pause = FIRST_PAUSE.multipliedBy(1L << doublings);
        return pause.compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause;
    }

    /** One attempt: returns the app's answer when it is final, throws when the webhook must be sent again. */
    int attempt(Webhook webhook) {
        byte[] body = webhook.body().getBytes(StandardCharsets.UTF_8);
        int status;
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(urlOf(webhook)))
                    .timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json")
                    .header(WebhookSignature.HEADER, signature.sign(body, clock.instant()))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                    .build();
            status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NotAcknowledged(-1);
        } catch (Exception unreachable) {
            throw new NotAcknowledged(-1);
        }
        if (status >= 400 && status < 500 && status != 429) {
            log.warn("Sandbox webhook refused by the app with {}", status);
        } else if (status < 200 || status >= 300) {
            throw new NotAcknowledged(status);
        }
        return status;
    }

    private String urlOf(Webhook webhook) {
        return webhook.url() != null ? webhook.url()
                : "http://localhost:" + environment.getProperty("local.server.port") + "/api/payments/webhook";
    }

    /** The app did not answer, or answered that it cannot take the webhook now: db-scheduler tries again. */
    static final class NotAcknowledged extends RuntimeException {

        NotAcknowledged(int status) {
            super("webhook not acknowledged (answer " + status + ")", null, false, false);
        }
    }
}
