package io.boxoffice.saga.payment;

import io.boxoffice.api.web.Problems;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.boxoffice.api.payment.PaymentEventOutcome;
import io.boxoffice.api.payment.PaymentEventType;
import io.boxoffice.api.payment.RecordPaymentEvent;
import jakarta.validation.Validator;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.time.Clock;

/**
 * {@code POST /api/payments/webhook}: the gateway's only way in. The signature and its timestamp are checked
 * before anything else, on the raw bytes; the answer is 2xx only once the outcome is committed (I6), so a
 * gateway retries anything it did not see acknowledged, and a duplicate has no second effect.
 */
@RestController
public class PaymentWebhookController {

    private final WebhookSignature signature;
    private final CommandGateway commands;
    private final ObjectMapper json;
    private final Validator validator;
    private final Clock clock;

    public PaymentWebhookController(WebhookSignature signature, CommandGateway commands, ObjectMapper json,
                                    Validator validator, Clock clock) {
        this.signature = signature;
        this.commands = commands;
        this.json = json;
        this.validator = validator;
        this.clock = clock;
    }

    public record Acknowledged(String outcome) {
    }

    @PostMapping("/api/payments/webhook")
    public Acknowledged receive(@RequestHeader(name = WebhookSignature.HEADER, required = false) String header,
                                @RequestBody(required = false) byte[] body) {
        byte[] raw = body == null ? new byte[0] : body;
        try {
            signature.verify(header, raw, clock.instant());
        } catch (WebhookSignature.InvalidSignatureException e) {
            throw Problems.error(HttpStatus.BAD_REQUEST, "invalid-webhook-signature", "Invalid webhook signature",
                    e.getMessage());
        }
        GatewayEvent event = parse(raw);
        PaymentEventType type = PaymentEventType.fromWireName(event.type()).orElseThrow(() -> Problems.error(
                HttpStatus.BAD_REQUEST, "invalid-webhook", "Invalid webhook", "unknown event type " + event.type()));
        try {
            PaymentEventOutcome outcome = commands.sendAndWait(new RecordPaymentEvent(event.reservationId(),
                    event.id(), type, event.paymentId(), event.amount()));
            return new Acknowledged(outcome.name());
        } catch (AggregateNotFoundException e) {
            throw Problems.error(HttpStatus.BAD_REQUEST, "unknown-reservation", "Unknown reservation",
                    "no reservation " + event.reservationId());
        } catch (ConcurrencyException e) {
            // the deadline or another webhook changed the reservation at this very moment: the gateway retries
            throw Problems.error(HttpStatus.SERVICE_UNAVAILABLE, "try-again", "Try again", "the reservation was busy");
        }
    }

    private GatewayEvent parse(byte[] raw) {
        GatewayEvent event;
        try {
            event = json.readValue(raw, GatewayEvent.class);
        } catch (IOException e) {
            throw Problems.error(HttpStatus.BAD_REQUEST, "invalid-webhook", "Invalid webhook", "the body is not valid JSON");
        }
        if (event == null || !validator.validate(event).isEmpty()) {
            throw Problems.error(HttpStatus.BAD_REQUEST, "invalid-webhook", "Invalid webhook",
                    "the body lacks id, type, paymentId, reservationId or amount");
        }
        return event;
    }
}
