package io.boxoffice.app.support;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.boxoffice.saga.payment.WebhookSignature;
import org.springframework.context.ApplicationContext;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Plays a payment gateway: the sandbox's payment page, and webhooks signed (or forged) as a gateway sends them. */
public final class Gateway {

    private final Api api;
    private final WebhookSignature signature;

    public Gateway(Api api, ApplicationContext context) {
        this.api = api;
        this.signature = context.getBean(WebhookSignature.class);
    }

    /** Opens checkout for the reservation as its owner; returns the payment id. */
    public String checkout(String token, String reservationId) {
        Api.Response checkout = api.post("/api/reservations/" + reservationId + "/checkout", token, null);
        assertThat(checkout.status()).as("checkout: %s", checkout.body()).isEqualTo(201);
        assertThat(checkout.text("checkoutUrl")).endsWith("/sandbox/checkout/" + checkout.text("paymentId"));
        return checkout.text("paymentId");
    }

    /** A ticket the fan reserved and paid on the sandbox page: its code, once the reservation is confirmed. */
    public String paidTicketCode(String username, String eventId, String seat) {
        String fan = api.token(username);
        String reservationId = api.reserve(fan, eventId, List.of(seat)).text("reservationId");
        click(checkout(fan, reservationId), "succeed");
        return api.reservationOnceItIs(reservationId, fan, "CONFIRMED", Duration.ofSeconds(20)).body()
                .at("/tickets/0/code").asText();
    }

    /** The fan clicks Pay (or Decline) on the sandbox page. */
    public Api.Response click(String paymentId, String button) {
        return api.post("/sandbox/checkout/" + paymentId + "/" + button, null, null);
    }

    public static String event(String type, String paymentId, String reservationId, String amount) {
        return event(type, paymentId, reservationId, amount, "EUR");
    }

    /** A gateway event with a new id, as the gateway writes it (the amount as a string). */
    public static String event(String type, String paymentId, String reservationId, String amount,
                               String currency) {
        ObjectNode event = Api.JSON.createObjectNode()
                .put("id", "evt_" + UUID.randomUUID())
                .put("type", type)
                .put("paymentId", paymentId)
                .put("reservationId", reservationId);
        event.putObject("amount").put("amount", amount).put("currency", currency);
        return event.toString();
    }

    /** Sends a webhook body signed at {@code signedAt}, as the gateway would. */
    public Api.Response webhook(String body, Instant signedAt) {
        return api.post("/api/payments/webhook", null, body, WebhookSignature.HEADER,
                signature.sign(body.getBytes(StandardCharsets.UTF_8), signedAt));
    }

    public Api.Response webhook(String body) {
        return webhook(body, Instant.now());
    }
}
