package io.boxoffice.app.payment;

import io.boxoffice.api.reservation.ReservationPaymentDeclined;
import io.boxoffice.api.seat.SeatKey;
import io.boxoffice.api.seat.SeatSold;
import io.boxoffice.app.support.Api;
import io.boxoffice.app.support.ApplicationTest;
import io.boxoffice.app.support.Gateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A declined card does not cost the fan their seats: the hold goes on, and they pay again until it ends (a typo must
 * not lose the seats in an on-sale). Holds of the default 10 minutes, so that nothing here races the deadline.
 */
class DeclinedPaymentIT extends ApplicationTest {

    private Gateway gateway;
    private String fan;
    private String eventId;

    @BeforeEach
    void setUp() {
        gateway = new Gateway(api, context);
        fan = api.token("declined-fan");
        eventId = api.eventWithSeats(4);
    }

    @Test
    void aDeclinedPaymentKeepsTheHoldAndTheFanPaysAgain() {
        String reservationId = api.reserve(fan, eventId, List.of("A-1-1", "A-1-2")).text("reservationId");
        String declined = gateway.checkout(fan, reservationId);

        assertThat(gateway.click(declined, "fail").status()).isEqualTo(303);

        Api.Response held = await().atMost(Duration.ofSeconds(10)).until(
                () -> api.get("/api/reservations/" + reservationId, fan),
                view -> !view.body().path("paymentDeclinedAt").isNull());
        assertThat(held.text("status")).isEqualTo("HELD");
        assertThat(api.reserve(api.token("other-fan"), eventId, List.of("A-1-2")).status())
                .as("the seats are still the declined fan's").isEqualTo(409);
        assertThat(gateway.click(declined, "succeed").status()).as("a declined payment stays declined")
                .isEqualTo(409);

        String second = gateway.checkout(fan, reservationId);
        assertThat(second).isNotEqualTo(declined);
        assertThat(gateway.click(second, "succeed").status()).isEqualTo(303);

        Api.Response confirmed = api.reservationOnceItIs(reservationId, fan, "CONFIRMED", Duration.ofSeconds(10));
        assertThat(confirmed.body().path("tickets")).hasSize(2);
        assertThat(store.payloads(SeatKey.of(eventId, "A-1-1"))).last().isInstanceOf(SeatSold.class);
        Api.Response report = api.post("/api/audit/events/" + eventId + "/verify", api.token("auditor"), null);
        assertThat(report.body().path("violations")).as("%s", report.body()).isEmpty();
        assertThat(report.body().at("/seatsByStatus/SOLD").asInt()).isEqualTo(2);
    }

    @Test
    void theSameDeclineDeliveredAgainHasOneEffectAndTheFanCanStillCancel() {
        String reservationId = api.reserve(fan, eventId, List.of("A-1-3")).text("reservationId");
        String paymentId = gateway.checkout(fan, reservationId);
        String decline = Gateway.event("payment.failed", paymentId, reservationId, "49.00");

        assertThat(gateway.webhook(decline).status()).isEqualTo(200);
        assertThat(gateway.webhook(decline).status()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(10)).until(() -> !api.get("/api/reservations/" + reservationId, fan)
                .body().path("paymentDeclinedAt").isNull());
        assertThat(store.payloads(reservationId).stream()
                .filter(ReservationPaymentDeclined.class::isInstance))
                .hasSize(1);
        assertThat(api.delete("/api/reservations/" + reservationId, fan).status()).isEqualTo(202);
        api.reservationOnceItIs(reservationId, fan, "CANCELLED");
        assertThat(api.reserve(api.token("next-fan"), eventId, List.of("A-1-3")).status()).isEqualTo(201);
    }
}
