package io.boxoffice.app.payment;

import io.boxoffice.api.common.Money;
import io.boxoffice.api.payment.LatePaymentReceived;
import io.boxoffice.api.payment.StartCheckout;
import io.boxoffice.api.reservation.ReservationConfirmed;
import io.boxoffice.api.reservation.ReservationExpired;
import io.boxoffice.api.seat.SeatKey;
import io.boxoffice.api.seat.SeatSold;
import io.boxoffice.app.support.Api;
import io.boxoffice.app.support.Gateway;
import io.boxoffice.app.support.PaymentTest;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The webhook is the gateway's only way in (I4, I6): forged, stale or replayed ones change nothing, duplicates
 * have one effect, and every race between a payment and the deadline is decided one way.
 */
class WebhookIT extends PaymentTest {

    private String fan;

    @BeforeEach
    void setUp() {
        fan = api.token("webhook-fan");
    }

    private String hold(String... seats) {
        Api.Response held = api.reserve(fan, eventId, List.of(seats));
        assertThat(held.status()).isEqualTo(201);
        return held.text("reservationId");
    }

    private String status(String reservationId) {
        return api.get("/api/reservations/" + reservationId, fan).text("status");
    }

    private void assertRefusedWithoutEffect(Api.Response response, String type) {
        assertThat(response.status()).as("%s", response.body()).isEqualTo(400);
        assertThat(response.text("type")).isEqualTo("/problems/" + type);
    }

    @Test
    void forgedStaleReplayedOrMalformedWebhooksChangeNothing() {
        String reservationId = hold("A-1-1");
        String paymentId = gateway.checkout(fan, reservationId);
        String paid = Gateway.event("payment.succeeded", paymentId, reservationId, "49.00");
        long events = store.eventCountFor(eventId);

        assertRefusedWithoutEffect(api.post("/api/payments/webhook", null, paid), "invalid-webhook-signature");
        assertRefusedWithoutEffect(api.post("/api/payments/webhook", null, paid, "Boxoffice-Signature",
                "t=" + Instant.now().getEpochSecond() + ",v1=" + "00".repeat(32)), "invalid-webhook-signature");
        assertRefusedWithoutEffect(api.post("/api/payments/webhook", null, paid, "Boxoffice-Signature", "garbage"),
                "invalid-webhook-signature");
        assertRefusedWithoutEffect(gateway.webhook(paid, Instant.now().minus(Duration.ofMinutes(6))),
                "invalid-webhook-signature");
        assertRefusedWithoutEffect(gateway.webhook(paid, Instant.now().plus(Duration.ofMinutes(6))),
                "invalid-webhook-signature");
        assertRefusedWithoutEffect(gateway.webhook(paid.replace("49.00", "0.01")), "payment-mismatch");
        assertRefusedWithoutEffect(gateway.webhook(paid.replace(reservationId, "no-such-reservation")),
                "unknown-reservation");
        assertRefusedWithoutEffect(gateway.webhook(paid.replace("payment.succeeded", "payment.maybe")),
                "invalid-webhook");
        assertRefusedWithoutEffect(gateway.webhook("{\"id\":\"evt_1\"}"), "invalid-webhook");
        assertRefusedWithoutEffect(gateway.webhook("not json"), "invalid-webhook");

        assertThat(store.eventCountFor(eventId)).as("events appended by refused webhooks").isEqualTo(events);
        assertThat(status(reservationId)).isEqualTo("HELD");
    }

    @Test
    void aDuplicateWebhookIsAcknowledgedWithoutASecondEffect() {
        String reservationId = hold("A-1-2", "A-1-3");
        String paymentId = gateway.checkout(fan, reservationId);
        String paid = Gateway.event("payment.succeeded", paymentId, reservationId, "98.00");

        Api.Response first = gateway.webhook(paid);
        long events = store.eventCountFor(eventId);
        Api.Response again = gateway.webhook(paid);
        Api.Response samePaymentOtherEvent = gateway.webhook(
                Gateway.event("payment.succeeded", paymentId, reservationId, "98.00"));

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.text("outcome")).isEqualTo("CONFIRMED");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.text("outcome")).isEqualTo("NO_EFFECT");
        assertThat(samePaymentOtherEvent.text("outcome")).isEqualTo("NO_EFFECT");
        assertThat(store.eventCountFor(eventId)).isEqualTo(events);
        assertThat(store.payloads(reservationId)).filteredOn(ReservationConfirmed.class::isInstance).hasSize(1);
    }

    @Test
    void aPaymentIdOfNoCheckoutOfTheReservationIsRefusedUntilItsCheckoutIsRecorded() {
        String reservationId = hold("A-1-4");
        String early = Gateway.event("payment.succeeded", "pay_early", reservationId, "49.00");
        assertRefusedWithoutEffect(gateway.webhook(early), "unknown-payment");

        context.getBean(CommandGateway.class).sendAndWait(new StartCheckout(reservationId, "webhook-fan",
                "pay_early", new Money(new BigDecimal("49.00"), "EUR")));

        assertThat(gateway.webhook(early).text("outcome")).as("the gateway's retry, once the checkout is recorded")
                .isEqualTo("CONFIRMED");
        assertThat(store.payloads(SeatKey.of(eventId, "A-1-4"))).filteredOn(SeatSold.class::isInstance).hasSize(1);
    }

    /** evt_A confirmed R1; the same id re-sent with R3's reservation and payment sold R3 too. */
    @Test
    void oneGatewayEventIdHasOneEffectWhateverBodyComesWithItLater() {
        Checkout alice = checkedOut("reusing-alice", "A-1-1");
        String paid = Gateway.event("payment.succeeded", alice.paymentId(), alice.reservationId(), "49.00");
        assertThat(gateway.webhook(paid).text("outcome")).isEqualTo("CONFIRMED");
        Checkout carol = checkedOut("reused-carol", "A-1-2");

        Api.Response reused = gateway.webhook(paid.replace(alice.paymentId(), carol.paymentId())
                .replace(alice.reservationId(), carol.reservationId()));

        assertRefusedWithoutEffect(reused, "gateway-event-reused");
        assertThat(api.get("/api/reservations/" + carol.reservationId(), carol.token()).text("status"))
                .isEqualTo("HELD");
        assertThat(store.payloads(carol.reservationId())).noneMatch(ReservationConfirmed.class::isInstance);
        assertThat(gateway.webhook(paid).text("outcome")).as("the same body again").isEqualTo("NO_EFFECT");
        assertVerifiedClean();
    }

    /** A payment.succeeded for R3 carrying R1's payment listed a refund of Alice's payment on R3. */
    @Test
    void aPaymentOfAnotherReservationIsRefusedAndRefundsNobody() {
        Checkout alice = checkedOut("paying-alice", "A-1-1");
        assertThat(gateway.webhook(Gateway.event("payment.succeeded", alice.paymentId(), alice.reservationId(),
                "49.00")).text("outcome")).isEqualTo("CONFIRMED");
        Checkout carol = checkedOut("misrouted-carol", "A-1-2");
        String r3 = carol.reservationId();
        String p3 = carol.paymentId();
        long events = store.eventCountFor(eventId);

        assertRefusedWithoutEffect(gateway.webhook(Gateway.event("payment.succeeded", alice.paymentId(), r3, "49.00")),
                "unknown-payment");
        assertRefusedWithoutEffect(gateway.webhook(Gateway.event("refund.succeeded", p3, alice.reservationId(),
                "49.00")), "unknown-payment");
        assertRefusedWithoutEffect(gateway.webhook(Gateway.event("payment.failed", alice.paymentId(), r3, "49.00")),
                "unknown-payment");

        assertThat(store.eventCountFor(eventId)).isEqualTo(events);
        Api.Response hers = api.get("/api/reservations/" + r3, carol.token());
        assertThat(hers.text("status")).isEqualTo("HELD");
        assertThat(hers.body().path("refunds")).isEmpty();
        Api.Response alices = api.reservationOnceItIs(alice.reservationId(), alice.token(), "CONFIRMED");
        assertThat(alices.body().path("refunds")).isEmpty();
        assertVerifiedClean();
    }

    @Test
    void amountsAreComparedAsMoneyAndReadStrictly() {
        String fan = api.token("exact-payer");
        List<String> amounts = List.of("49", "49.0", "49.00");
        for (int i = 0; i < amounts.size(); i++) {
            String amount = amounts.get(i);
            String reservationId = api.reserve(fan, eventId, List.of("A-1-" + (5 + i))).text("reservationId");
            Api.Response paid = gateway.webhook(Gateway.event("payment.succeeded", gateway.checkout(fan, reservationId),
                    reservationId, amount));
            assertThat(paid.text("outcome")).as("%s EUR for 49.00 EUR", amount).isEqualTo("CONFIRMED");
        }
        String reservationId = api.reserve(fan, eventId, List.of("A-1-8")).text("reservationId");
        String paymentId = gateway.checkout(fan, reservationId);
        long events = store.eventCountFor(eventId);
        Map<String, String> malformed = Map.of("49.00 ", "amount.amount", " 49.00", "amount.amount",
                "+49.00", "amount.amount", "4.9e1", "amount.amount", "49,00", "amount.amount",
                "49.001", "amount.amount", "-49.00", "amount.amount", "", "amount.amount");
        malformed.forEach((amount, field) -> {
            Api.Response refused = gateway.webhook(Gateway.event("payment.succeeded", paymentId, reservationId, amount));
            assertRefusedWithoutEffect(refused, "invalid-webhook");
            assertThat(refused.body().path("errors").findValuesAsText("field")).as("'%s'", amount).contains(field);
        });
        for (String currency : List.of("eur", "XYZ", "XXX", "EURO", "")) {
            Api.Response refused = gateway.webhook(Gateway.event("payment.succeeded", paymentId, reservationId,
                    "49.00", currency));
            assertRefusedWithoutEffect(refused, "invalid-webhook");
            assertThat(refused.body().path("errors").findValuesAsText("field")).as(currency)
                    .containsExactly("amount.currency");
        }
        String asNumber = Gateway.event("payment.succeeded", paymentId, reservationId, "49.00")
                .replace("\"amount\":\"49.00\"", "\"amount\":49.00");
        assertRefusedWithoutEffect(gateway.webhook(asNumber), "invalid-webhook");
        assertRefusedWithoutEffect(gateway.webhook(Gateway.event("payment.succeeded", paymentId, reservationId,
                "49.00", "USD")), "payment-mismatch");
        assertThat(store.eventCountFor(eventId)).isEqualTo(events);
    }

    /** A fan's hold with its checkout opened at the sandbox gateway. */
    private record Checkout(String token, String reservationId, String paymentId) {
    }

    private Checkout checkedOut(String username, String seat) {
        String token = api.token(username);
        String reservationId = api.reserve(token, eventId, List.of(seat)).text("reservationId");
        return new Checkout(token, reservationId, gateway.checkout(token, reservationId));
    }

    private void assertVerifiedClean() {
        Api.Response verified = api.post("/api/audit/events/" + eventId + "/verify", api.token("auditor"), null);
        assertThat(verified.body().path("clean").asBoolean()).as("%s", verified.body()).isTrue();
    }

    @Test
    void aPaymentAfterTheHoldEndedIsRefundedAndTheSeatStaysWithItsNextHolder() {
        String reservationId = hold("A-1-5");
        String paymentId = gateway.checkout(fan, reservationId);
        api.reservationOnceItIs(reservationId, fan, "EXPIRED", Duration.ofSeconds(20));
        Api.Response nextHolder = api.reserve(api.token("next-holder"), eventId, List.of("A-1-5"));
        assertThat(nextHolder.status()).isEqualTo(201);
        // the gateway captured the money before our void reached it, and reports it now
        context.getBean(JdbcTemplate.class).update(
                "UPDATE sandbox_payment SET status = 'SUCCEEDED' WHERE payment_id = ?", paymentId);

        Api.Response late = gateway.webhook(Gateway.event("payment.succeeded", paymentId, reservationId, "49.00"));

        assertThat(late.status()).isEqualTo(200);
        assertThat(late.text("outcome")).isEqualTo("REFUND_DUE");
        assertThat(status(reservationId)).isEqualTo("EXPIRED");
        assertThat(store.holdsBySeat(eventId, List.of("A-1-5")).get("A-1-5"))
                .containsExactly(reservationId, nextHolder.text("reservationId"));
        assertThat(store.payloads(SeatKey.of(eventId, "A-1-5"))).noneMatch(SeatSold.class::isInstance);
        // the saga refunds through the gateway, which confirms with its own webhook
        await().atMost(Duration.ofSeconds(20)).until(() -> "REFUNDED".equals(
                api.get("/api/reservations/" + reservationId, fan).body().at("/refunds/0/status").asText()));
    }

    @Test
    void paymentsRacingTheDeadlineEitherSellEverySeatOrAreRefunded() throws Exception {
        List<String> seats = List.of("A-1-6", "A-1-7", "A-1-8");
        ExecutorService pool = Executors.newFixedThreadPool(seats.size());
        List<String> reservations = new ArrayList<>();
        try {
            List<Future<Api.Response>> answers = new ArrayList<>();
            for (int i = 0; i < seats.size(); i++) {
                Api.Response held = api.reserve(fan, eventId, List.of(seats.get(i)));
                String reservationId = held.text("reservationId");
                reservations.add(reservationId);
                String body = Gateway.event("payment.succeeded", gateway.checkout(fan, reservationId), reservationId,
                        "49.00");
                // just before, at, and just after the end of the hold
                Instant sendAt = Instant.parse(held.text("expiresAt")).minusMillis(40).plusMillis(40L * i);
                answers.add(pool.submit(() -> {
                    await().pollInterval(Duration.ofMillis(2)).atMost(Duration.ofSeconds(10))
                            .until(() -> !Instant.now().isBefore(sendAt));
                    return deliverUntilAcknowledged(body);
                }));
            }
            for (Future<Api.Response> answer : answers) {
                assertThat(answer.get(30, TimeUnit.SECONDS).status()).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }

        int sold = 0;
        for (String reservationId : reservations) {
            await().atMost(Duration.ofSeconds(20)).until(() -> store.payloads(reservationId).stream()
                    .anyMatch(event -> event instanceof ReservationConfirmed || event instanceof ReservationExpired));
            List<Object> history = store.payloads(reservationId);
            boolean confirmed = history.stream().anyMatch(ReservationConfirmed.class::isInstance);
            boolean refunded = history.stream().anyMatch(LatePaymentReceived.class::isInstance);
            assertThat(confirmed).as("sold xor refunded: %s", history).isNotEqualTo(refunded);
            api.reservationOnceItIs(reservationId, fan, confirmed ? "CONFIRMED" : "EXPIRED");
            sold += confirmed ? 1 : 0;
        }
        System.out.printf("Payments racing the deadline: %d sold, %d refunded%n", sold, reservations.size() - sold);
    }

    /** As a gateway does: a 503 (the reservation was busy) is retried. */
    private Api.Response deliverUntilAcknowledged(String body) {
        Api.Response response = gateway.webhook(body);
        for (int attempt = 1; response.status() == 503 && attempt < 5; attempt++) {
            response = gateway.webhook(body);
        }
        return response;
    }
}
