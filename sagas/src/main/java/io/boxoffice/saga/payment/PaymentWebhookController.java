package io.boxoffice.saga.payment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.boxoffice.api.command.Refusal;
import io.boxoffice.api.payment.PaymentEventOutcome;
import io.boxoffice.api.payment.PaymentEventType;
import io.boxoffice.api.payment.RecordPaymentNotification;
import io.boxoffice.api.problem.Problem;
import io.boxoffice.api.problem.RequestRefused;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.time.Clock;
import java.util.Map;

/**
 * {@code POST /api/payments/webhook}: the gateway's only way in. The signature and its timestamp are checked
 * before anything else, on the raw bytes; the answer is 2xx only once the outcome is committed (I6), so a
 * gateway retries anything it did not see acknowledged. A gateway event id has one effect ever: recorded with its
 * body in the transaction of its effect, it is answered {@code NO_EFFECT} when the same body comes again, and
 * refused when another body comes with it.
 */
@RestController
public class PaymentWebhookController {

    private static final Logger log = LoggerFactory.getLogger(PaymentWebhookController.class);

    private final WebhookSignature signature;
    private final CommandGateway commands;
    private final GatewayEvents gatewayEvents;
    private final TransactionTemplate transactions;
    private final ObjectMapper json;
    private final Clock clock;

    public PaymentWebhookController(WebhookSignature signature, CommandGateway commands, GatewayEvents gatewayEvents,
                                    TransactionTemplate transactions, ObjectMapper json, Clock clock) {
        this.signature = signature;
        this.commands = commands;
        this.gatewayEvents = gatewayEvents;
        this.transactions = transactions;
        this.json = json;
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
            throw Problem.of(HttpStatus.BAD_REQUEST.value(), "invalid-webhook-signature", "Invalid webhook signature",
                    e.getMessage()).refused();
        }
        GatewayEvent event = parse(raw);
        PaymentEventType type = PaymentEventType.fromWireName(event.type()).orElseThrow(() -> invalid(Map.of("type",
                "one of payment.succeeded, payment.failed, refund.succeeded")));
        try {
            return transactions.execute(status -> switch (gatewayEvents.record(event.id(), raw,
                    event.reservationId())) {
                case DUPLICATE -> new Acknowledged(PaymentEventOutcome.NO_EFFECT.name());
                case CONFLICT -> {
                    log.warn("Gateway event {} came again with another body; refused", event.id());
                    throw Problem.of(HttpStatus.BAD_REQUEST.value(), "gateway-event-reused", "Gateway event id reused",
                            "gateway event " + event.id() + " was received before with another body").refused();
                }
                case NEW -> new Acknowledged(commands.<PaymentEventOutcome>sendAndWait(new RecordPaymentNotification(
                        event.reservationId(), event.id(), type, event.paymentId(), event.amount())).name());
            });
        } catch (CommandExecutionException e) {
            if (Refusal.refused(e, Refusal.Reason.NOT_FOUND)) {
                throw Problem.of(HttpStatus.BAD_REQUEST.value(), "unknown-reservation", "Unknown reservation",
                        "no reservation " + event.reservationId()).refused();
            }
            // the deadline or another webhook changing the reservation at this very moment is a 503 (try-again):
            // the gateway retries; amounts and payment ids not of this reservation are 400s
            throw e;
        }
    }

    private GatewayEvent parse(byte[] raw) {
        JsonNode body;
        try {
            body = json.readTree(raw);
        } catch (IOException e) {
            throw Problem.of(HttpStatus.BAD_REQUEST.value(), "invalid-webhook", "Invalid webhook",
                    "the body is not valid JSON").refused();
        }
        GatewayEvent.Read read = GatewayEvent.read(body);
        if (read instanceof GatewayEvent.Read.Invalid invalid) {
            throw invalid(invalid.problems());
        }
        return ((GatewayEvent.Read.Valid) read).event();
    }

    /** A 400 that names each offending field, as every invalid request's, typed as a webhook's. */
    private static RequestRefused invalid(Map<String, String> problems) {
        return Problem.invalid("the webhook's body is not one the gateway sends", problems)
                .retyped("invalid-webhook", "Invalid webhook").refused();
    }
}
