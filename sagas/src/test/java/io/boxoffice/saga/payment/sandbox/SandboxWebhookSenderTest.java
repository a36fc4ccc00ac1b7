package io.boxoffice.saga.payment.sandbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.boxoffice.api.common.Money;
import io.boxoffice.api.payment.PaymentEventType;
import io.boxoffice.saga.payment.WebhookSignature;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The sandbox delivers webhooks like a real gateway: signed, and retried until the receiver answers 2xx. */
class SandboxWebhookSenderTest {

    private final WebhookSignature signature = new WebhookSignature("whsec_sandbox_test");
    private final List<Integer> answers = new CopyOnWriteArrayList<>();
    private final List<byte[]> bodies = new CopyOnWriteArrayList<>();
    private final List<String> signatures = new CopyOnWriteArrayList<>();
    private HttpServer receiver;
    private SandboxWebhookSender sender;

    /** A receiver that answers the given statuses in turn, then 200. */
    private void receiverAnswering(int... statuses) throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/api/payments/webhook", exchange -> {
            bodies.add(exchange.getRequestBody().readAllBytes());
            signatures.add(exchange.getRequestHeaders().getFirst(WebhookSignature.HEADER));
            int status = answers.size() < statuses.length ? statuses[answers.size()] : 200;
            answers.add(status);
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        receiver.start();
        sender = new SandboxWebhookSender(signature, new ObjectMapper(), Clock.systemUTC(), new MockEnvironment(),
                "http://127.0.0.1:" + receiver.getAddress().getPort() + "/api/payments/webhook");
    }

    @AfterEach
    void stop() {
        sender.destroy();
        receiver.stop(0);
    }

    private static SandboxGateway.SandboxPayment payment() {
        return new SandboxGateway.SandboxPayment("pay_1", "r-1", new Money(new BigDecimal("49.00"), "EUR"),
                SandboxGateway.Status.SUCCEEDED);
    }

    @Test
    void aWebhookTheAppDidNotAcknowledgeIsSentAgainUntilItIs() throws IOException {
        receiverAnswering(503, 500);

        sender.deliver(PaymentEventType.PAYMENT_SUCCEEDED, payment());

        await().atMost(Duration.ofSeconds(10)).until(() -> answers.size() == 3);
        assertThat(answers).containsExactly(503, 500, 200);
        assertThat(bodies).allSatisfy(body -> assertThat(new String(body)).isEqualTo(new String(bodies.get(0)))
                .contains("\"type\":\"payment.succeeded\"", "\"paymentId\":\"pay_1\"", "\"reservationId\":\"r-1\""));
        for (int i = 0; i < bodies.size(); i++) {
            signature.verify(signatures.get(i), bodies.get(i), Clock.systemUTC().instant());
        }
    }

    @Test
    void aWebhookTheAppRefusedIsNotSentAgain() throws Exception {
        receiverAnswering(400);

        int last = sender.deliver(PaymentEventType.PAYMENT_FAILED, payment()).get(5, TimeUnit.SECONDS);

        assertThat(last).isEqualTo(400);
        assertThat(answers).as("the delivery is over after one refusal").containsExactly(400);
    }
}
