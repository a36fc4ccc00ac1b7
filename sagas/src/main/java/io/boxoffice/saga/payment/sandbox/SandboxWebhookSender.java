package io.boxoffice.saga.payment.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import io.boxoffice.api.payment.PaymentEventType;
import io.boxoffice.saga.payment.PaymentProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Sends the sandbox gateway's webhooks the way real gateways do: each is a delivery scheduled in PostgreSQL
 * ({@link SandboxWebhookDelivery}), so that it and its retries survive a restart of the node.
 */
@Component
@ConditionalOnProperty(name = "boxoffice.payment.gateway", havingValue = "sandbox", matchIfMissing = true)
class SandboxWebhookSender {

    /** db-scheduler's client, which needs every task (the delivery's among them) before it exists. */
    private final ObjectProvider<SchedulerClient> scheduler;
    private final ObjectMapper json;
    private final Clock clock;
    private final URI configuredUrl;

    SandboxWebhookSender(ObjectProvider<SchedulerClient> scheduler, ObjectMapper json, Clock clock,
                         PaymentProperties settings) {
        this.scheduler = scheduler;
        this.json = json;
        this.clock = clock;
        this.configuredUrl = settings.sandbox().webhookUrl();
    }

    /** Schedules the webhook's delivery, due at once. */
    void deliver(PaymentEventType type, SandboxGateway.SandboxPayment payment) {
        String eventId = "evt_" + UUID.randomUUID().toString().replace("-", "");
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("id", eventId);
        event.put("type", type.wireName());
        event.put("paymentId", payment.paymentId());
        event.put("reservationId", payment.reservationId());
        event.put("amount", payment.amount());
        try {
            var delivery = new SandboxWebhookDelivery.Webhook(configuredUrl == null ? null : configuredUrl.toString(),
                    json.writeValueAsString(event));
            scheduler.getObject().scheduleIfNotExists(SandboxWebhookDelivery.TASK.instance(eventId).data(delivery)
                    .scheduledTo(clock.instant()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a webhook body is plain data", e);
        }
    }
}
