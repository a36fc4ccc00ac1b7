package io.boxoffice.app.payment;

import io.boxoffice.api.seat.SeatKey;
import io.boxoffice.api.seat.SeatReleased;
import io.boxoffice.api.seat.SeatSold;
import io.boxoffice.app.support.Api;
import io.boxoffice.app.support.PaymentTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A hold turns into a sale when the gateway says so and into a released seat when it does not (I3, I4), with
 * holds of 2 seconds so that deadlines are reached within the test.
 */
class PaymentFlowIT extends PaymentTest {

    private String fan;

    @BeforeEach
    void setUp() {
        fan = api.token("paying-fan");
    }

    @Test
    void anAbandonedHoldIsReleasedWithinSecondsOfItsEnd() {
        Api.Response held = api.reserve(fan, eventId, List.of("A-1-1", "A-1-2"));
        String reservationId = held.text("reservationId");
        Instant heldUntil = Instant.parse(held.text("expiresAt"));

        await().atMost(Duration.ofSeconds(20)).until(() -> store.payloads(SeatKey.of(eventId, "A-1-2")).stream()
                .anyMatch(SeatReleased.class::isInstance));
        Duration afterHeldUntil = Duration.between(heldUntil, Instant.now());

        api.reservationOnceItIs(reservationId, fan, "EXPIRED");
        assertThat(api.reserve(api.token("next-fan"), eventId, List.of("A-1-1", "A-1-2")).status()).isEqualTo(201);
        System.out.printf("Abandoned hold released %d ms after heldUntil%n", afterHeldUntil.toMillis());
    }

    @Test
    void aPaymentInTimeSellsTheSeatsAndIssuesSignedTickets() {
        String reservationId = api.reserve(fan, eventId, List.of("A-1-3", "A-1-4")).text("reservationId");
        String paymentId = gateway.checkout(fan, reservationId);

        assertThat(gateway.click(paymentId, "succeed").status()).isEqualTo(303);

        Api.Response confirmed = api.reservationOnceItIs(reservationId, fan, "CONFIRMED", Duration.ofSeconds(10));
        assertThat(confirmed.body().path("tickets")).hasSize(2);
        assertThat(store.payloads(SeatKey.of(eventId, "A-1-3"))).last().isInstanceOf(SeatSold.class);
        String code = confirmed.body().at("/tickets/0/code").asText();
        Api.Response verified = api.get("/api/tickets/verify?code=" + code, null);
        assertThat(verified.status()).isEqualTo(200);
        assertThat(verified.text("seatId")).isEqualTo("A-1-3");
        assertThat(verified.text("holder")).isEqualTo("paying-fan");
        // sold for good: not even the end of the hold gives the seat back
        await().atMost(Duration.ofSeconds(10)).until(() -> Instant.now().isAfter(
                Instant.parse(confirmed.text("expiresAt")).plusSeconds(1)));
        double refusedByGate = meters.reservations("refused_by_gate");
        assertThat(api.reserve(api.token("too-late-fan"), eventId, List.of("A-1-3", "A-1-4")).status())
                .isEqualTo(409);
        assertThat(meters.reservations("refused_by_gate")).as("both seats are marked sold in the gate, for good")
                .isGreaterThan(refusedByGate);
        api.reservationOnceItIs(reservationId, fan, "CONFIRMED");
    }

    @Test
    void aHoldWhosePaymentWasDeclinedIsStillReleasedAtItsEnd() {
        String reservationId = api.reserve(fan, eventId, List.of("A-1-1")).text("reservationId");
        String paymentId = gateway.checkout(fan, reservationId);

        assertThat(gateway.click(paymentId, "fail").status()).isEqualTo(303);

        api.reservationOnceItIs(reservationId, fan, "EXPIRED", Duration.ofSeconds(20));
        await().atMost(Duration.ofSeconds(20)).until(() -> store.payloads(SeatKey.of(eventId, "A-1-1")).stream()
                .anyMatch(SeatReleased.class::isInstance));
        assertThat(api.reserve(api.token("next-fan"), eventId, List.of("A-1-1")).status()).isEqualTo(201);
    }

    @Test
    void cancellingVoidsTheOpenPaymentSoItCanNoLongerTakeMoney() {
        String reservationId = api.reserve(fan, eventId, List.of("A-1-5")).text("reservationId");
        String paymentId = gateway.checkout(fan, reservationId);

        assertThat(api.delete("/api/reservations/" + reservationId, fan).status()).isEqualTo(202);

        await().atMost(Duration.ofSeconds(10))
                .until(() -> api.text("/sandbox/checkout/" + paymentId).contains("This payment can no longer be made"));
        Api.Response pay = gateway.click(paymentId, "succeed");
        assertThat(pay.status()).isEqualTo(409);
        assertThat(pay.text("type")).isEqualTo("/problems/payment-not-open");
        api.reservationOnceItIs(reservationId, fan, "CANCELLED");
    }

    @Test
    void aTamperedCodeIsRefused() {
        String reservationId = api.reserve(fan, eventId, List.of("A-1-2")).text("reservationId");
        gateway.click(gateway.checkout(fan, reservationId), "succeed");
        String code = api.reservationOnceItIs(reservationId, fan, "CONFIRMED", Duration.ofSeconds(10)).body()
                .at("/tickets/0/code").asText();
        String[] parts = code.split("\\.");
        String otherSeat = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                new String(java.util.Base64.getUrlDecoder().decode(parts[1])).replace("A-1-2", "A-1-1").getBytes());

        for (String forged : List.of(parts[0] + "." + otherSeat + "." + parts[2], code + "x", "BO1.x.y", "")) {
            Api.Response verified = api.get("/api/tickets/verify?code=" + forged, null);
            assertThat(verified.status()).as(forged).isEqualTo(400);
            assertThat(verified.text("type")).isEqualTo("/problems/invalid-ticket-code");
        }
    }
}
