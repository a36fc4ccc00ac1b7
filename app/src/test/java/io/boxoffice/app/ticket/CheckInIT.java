package io.boxoffice.app.ticket;

import io.boxoffice.api.ticket.CheckInTicket;
import io.boxoffice.api.ticket.TicketCheckedIn;
import io.boxoffice.app.support.Api;
import io.boxoffice.app.support.ApplicationTest;
import io.boxoffice.app.support.Gateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** At the door a ticket admits once; the second scan says when and where it was used; auditors see each entry. */
class CheckInIT extends ApplicationTest {

    private String eventId;
    private String scanner;

    @BeforeEach
    void setUp() {
        eventId = api.eventWithSeats(3);
        api.token("door-scanner");
        assertThat(api.send("PUT", "/api/admin/accounts/door-scanner/roles", api.token("admin"),
                "{\"roles\":[\"SCANNER\"]}").status()).isEqualTo(200);
        scanner = api.post("/api/auth/token", null, Api.credentials("door-scanner", Api.PASSWORD)).text("token");
    }

    private Api.Response checkIn(String token, String code, String gate) {
        return api.post("/api/tickets/check-in", token, Api.JSON.createObjectNode().put("code", code)
                .put("gate", gate).toString());
    }

    @Test
    void aTicketAdmitsOnceAndTheSecondScanSaysWhenAndWhere() {
        String code = new Gateway(api, context).paidTicketCode("door-fan", eventId, "A-1-1");

        Api.Response first = checkIn(scanner, code, "North 3");
        Api.Response second = checkIn(scanner, code, "South 1");

        assertThat(first.status()).as("%s", first.body()).isEqualTo(200);
        assertThat(first.text("seatId")).isEqualTo("A-1-1");
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.text("type")).isEqualTo("/problems/already-checked-in");
        assertThat(second.text("checkedInAt")).isEqualTo(first.text("checkedInAt"));
        assertThat(second.text("gate")).isEqualTo("North 3");
        assertThat(store.payloads(CheckInTicket.admissionIdOf(eventId, "A-1-1"))).singleElement()
                .isInstanceOfSatisfying(TicketCheckedIn.class, entry -> {
                    assertThat(entry.scannedBy()).isEqualTo("door-scanner");
                    assertThat(entry.ticketId()).isEqualTo(first.text("ticketId"));
                });
        Api.Response verified = api.post("/api/audit/events/" + eventId + "/verify", api.token("auditor"), null);
        assertThat(verified.body().path("clean").asBoolean()).as("%s", verified.body()).isTrue();
        assertThat(api.get("/api/tickets/verify?code=" + code, null).status()).as("still a valid ticket")
                .isEqualTo(200);
    }

    @Test
    void onlyScannersCheckInAndOnlyCodesBoxofficeSigned() {
        String code = new Gateway(api, context).paidTicketCode("door-fan-2", eventId, "A-1-2");
        String payload = code.split("\\.")[1];

        assertThat(checkIn(api.token("door-fan-2"), code, null).status()).as("the holder").isEqualTo(403);
        assertThat(checkIn(null, code, null).status()).isEqualTo(401);
        for (String forged : List.of(code.substring(0, code.length() - 2) + "AA", "BO1." + payload + ".AAAA",
                "garbage", "BO1..", code + ".")) {
            Api.Response refused = checkIn(scanner, forged, null);
            assertThat(refused.status()).as(forged).isEqualTo(400);
            assertThat(refused.text("type")).isEqualTo("/problems/invalid-ticket-code");
        }
        assertThat(checkIn(scanner, code, "Gate\u001b[2J").status()).as("a gate that is not a name").isEqualTo(400);
        assertThat(store.payloads(CheckInTicket.admissionIdOf(eventId, "A-1-2"))).as("nothing recorded").isEmpty();
        assertThat(checkIn(api.token("admin"), code, null).status()).as("organizers may scan too").isEqualTo(200);
    }

    @Test
    void twoScannersReadingOneCodeAtOnceAdmitOnce() throws Exception {
        String code = new Gateway(api, context).paidTicketCode("door-fan-3", eventId, "A-1-3");
        String other = api.token("admin");
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService doors = Executors.newFixedThreadPool(2);
        try {
            List<Future<Api.Response>> scans = new ArrayList<>();
            for (String token : List.of(scanner, other)) {
                scans.add(doors.submit(() -> {
                    start.await();
                    return checkIn(token, code, null);
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Api.Response> scan : scans) {
                statuses.add(scan.get().status());
            }
            assertThat(statuses).containsExactlyInAnyOrder(200, 409);
        } finally {
            doors.shutdownNow();
        }
        assertThat(store.payloads(CheckInTicket.admissionIdOf(eventId, "A-1-3"))).hasSize(1);
    }
}
