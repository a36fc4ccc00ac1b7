package io.boxoffice.app.axon;

import io.boxoffice.api.ticket.CheckInTicket;
import io.boxoffice.api.ticket.TicketCheckedIn;
import io.boxoffice.app.support.Api;
import io.boxoffice.app.support.ApplicationTest;
import io.boxoffice.app.support.Gateway;
import io.boxoffice.app.support.OverTheWireCommandBus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The command handlers' refusals as a client meets them when the handlers run on another node (Axon Server or any
 * distributed command bus): every command and result crosses {@link OverTheWireCommandBus}, so exceptions arrive
 * as a description and their details only. The problems must be those of the local bus, word for word.
 */
@Import(OverTheWireCommandBus.class)
class RefusalsOverTheWireIT extends ApplicationTest {

    @Autowired
    RedissonClient redisson;

    private String eventId;
    private int failuresCarried;

    @BeforeEach
    void setUp() {
        eventId = api.eventWithSeats(4);
        failuresCarried = OverTheWireCommandBus.FAILURES_CARRIED.get();
    }

    @Test
    void seatsTheEventStoreHoldsAreNamedAndTheGateLearnsHowLongTheyAreHeld() {
        assertThat(api.reserve(api.token("wire-winner"), eventId, List.of("A-1-1")).status()).isEqualTo(201);
        redisson.getKeys().flushall(); // the gate forgets: only the Seat aggregates know A-1-1 is held

        String loser = api.token("wire-loser");
        Api.Response refused = api.reserve(loser, eventId, List.of("A-1-1", "A-1-2"));

        assertThat(refused.status()).as("%s", refused.body()).isEqualTo(409);
        assertThat(refused.text("type")).isEqualTo("/problems/seats-unavailable");
        assertThat(refused.strings("unavailableSeatIds")).containsExactly("A-1-1");
        assertThat(OverTheWireCommandBus.FAILURES_CARRIED.get()).as("the refusal crossed the wire")
                .isGreaterThan(failuresCarried);
        double refusedByGate = meters.reservations("refused_by_gate");
        assertThat(api.reserve(api.token("wire-third"), eventId, List.of("A-1-1")).status()).isEqualTo(409);
        assertThat(meters.reservations("refused_by_gate"))
                .as("the gate was told the other hold's end with the refusal").isGreaterThan(refusedByGate);
        assertThat(api.reserve(loser, eventId, List.of("A-1-2")).status()).as("none of the request was held")
                .isEqualTo(201);
    }

    @Test
    void aFanOverTheLimitIsToldTheLimitAndWhatTheyHold() {
        String admin = api.token("admin");
        String limited = api.createEvent(admin, api.createVenue(admin, Api.venue("Club", 1, 4)),
                ",\"maxTicketsPerFan\":2");
        String fan = api.token("wire-collector");
        assertThat(api.reserve(fan, limited, List.of("A-1-1", "A-1-2")).status()).isEqualTo(201);

        Api.Response refused = api.reserve(fan, limited, List.of("A-1-3"));

        assertThat(refused.status()).as("%s", refused.body()).isEqualTo(409);
        assertThat(refused.text("type")).isEqualTo("/problems/ticket-limit-reached");
        assertThat(refused.body().path("maxTicketsPerFan").asInt()).isEqualTo(2);
        assertThat(refused.body().path("ticketsHeldOrOwned").asInt()).isEqualTo(2);
        assertThat(refused.text("detail")).endsWith("none of the requested seats was held");
        assertThat(store.holdsBySeat(limited, List.of("A-1-3")).get("A-1-3")).isEmpty();
    }

    @Test
    void anotherFansReservationIsNotFound() {
        String owner = api.token("wire-owner");
        String reservationId = api.reserve(owner, eventId, List.of("A-1-3")).text("reservationId");
        String path = "/api/reservations/" + reservationId;

        Api.Response someoneElse = api.delete(path, api.token("wire-stranger"));
        assertThat(someoneElse.status()).isEqualTo(404);
        assertThat(someoneElse.text("type")).isEqualTo("/problems/reservation-not-found");
        assertThat(api.delete("/api/reservations/no-such-reservation", owner).text("type"))
                .isEqualTo("/problems/reservation-not-found");
        assertThat(api.delete(path, owner).status()).isEqualTo(202);
        assertThat(api.delete(path, owner).status()).as("cancelling twice has no second effect").isEqualTo(202);
    }

    @Test
    void gatewayEventsThatDoNotMatchAreRefusedAndAPaidReservationStaysPaid() {
        Gateway gateway = new Gateway(api, context);
        String fan = api.token("wire-payer");
        String reservationId = api.reserve(fan, eventId, List.of("A-1-4")).text("reservationId");
        String paymentId = gateway.checkout(fan, reservationId);

        assertProblem(gateway.webhook(Gateway.event("payment.succeeded", paymentId, reservationId, "0.01")), 400,
                "payment-mismatch");
        assertProblem(gateway.webhook(Gateway.event("payment.succeeded", "pay_other", reservationId, "49.00")), 400,
                "unknown-payment");
        assertProblem(gateway.webhook(Gateway.event("payment.succeeded", paymentId, "no-such-reservation", "49.00")),
                400, "unknown-reservation");
        assertThat(gateway.webhook(Gateway.event("payment.succeeded", paymentId, reservationId, "49.00"))
                .text("outcome")).isEqualTo("CONFIRMED");
        assertProblem(api.delete("/api/reservations/" + reservationId, fan), 409, "reservation-not-cancellable");
    }

    @Test
    void aTicketAdmitsOnceEvenScannedTwiceAtTheSameMoment() throws Exception {
        String scanner = scanner();
        String code = new Gateway(api, context).paidTicketCode("wire-door-fan", eventId, "A-1-2");
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Api.Response>> scans = List.of("North", "South").stream()
                .map(gate -> CompletableFuture.supplyAsync(() -> {
                    try {
                        start.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return api.post("/api/tickets/check-in", scanner, Api.JSON.createObjectNode()
                            .put("code", code).put("gate", gate).toString());
                })).toList();
        start.countDown();
        List<Api.Response> answers = scans.stream().map(CompletableFuture::join).toList();

        assertThat(answers).extracting(Api.Response::status).containsExactlyInAnyOrder(200, 409);
        Api.Response admitted = answers.stream().filter(answer -> answer.status() == 200).findFirst().orElseThrow();
        Api.Response second = answers.stream().filter(answer -> answer.status() == 409).findFirst().orElseThrow();
        assertThat(second.text("type")).isEqualTo("/problems/already-checked-in");
        assertThat(second.text("checkedInAt")).isEqualTo(admitted.text("checkedInAt"));
        assertThat(second.text("gate")).isEqualTo(admitted.text("gate"));
        assertThat(store.payloads(CheckInTicket.admissionIdOf(eventId, "A-1-2"))).singleElement()
                .isInstanceOf(TicketCheckedIn.class);
    }

    private String scanner() {
        api.token("wire-scanner");
        assertThat(api.send("PUT", "/api/admin/accounts/wire-scanner/roles", api.token("admin"),
                "{\"roles\":[\"SCANNER\"]}").status()).isEqualTo(200);
        return api.post("/api/auth/token", null, Api.credentials("wire-scanner", Api.PASSWORD)).text("token");
    }

    private static void assertProblem(Api.Response response, int status, String type) {
        assertThat(response.status()).as("%s", response.body()).isEqualTo(status);
        assertThat(response.contentType()).isEqualTo("application/problem+json");
        assertThat(response.text("type")).isEqualTo("/problems/" + type);
    }
}
