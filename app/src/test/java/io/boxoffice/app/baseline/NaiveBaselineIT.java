package io.boxoffice.app.baseline;

import io.boxoffice.app.support.Api;
import io.boxoffice.app.support.ApplicationTest;
import io.boxoffice.app.support.TestServers;
import io.boxoffice.loadtest.baseline.BaselineWebhookSignature;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** The naive baseline the load tests measure against must itself be correct, or the comparison means nothing. */
class NaiveBaselineIT extends ApplicationTest {

    @Test
    void racingFansNeverShareASeatAndPaymentsAndCancellationsKeepTheBooks() throws Exception {
        String eventId = api.eventWithSeats(6);
        String admin = api.token("admin");
        assertThat(api.post("/api/admin/baseline/events/" + eventId, admin, null).body().path("seats").asInt())
                .isEqualTo(6);

        ExecutorService fans = Executors.newFixedThreadPool(16);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Api.Response>> answers = new ArrayList<>();
        List<String> tokens = new ArrayList<>();
        for (int fan = 0; fan < 32; fan++) {
            String token = api.token("naive-fan-" + fan);
            tokens.add(token);
            List<String> seats = List.of("A-1-" + (1 + fan % 5), "A-1-" + (2 + fan % 5));
            answers.add(fans.submit(() -> {
                start.await();
                return api.post("/api/baseline/events/" + eventId + "/reservations", token,
                        "{\"seatIds\":[\"" + seats.get(0) + "\",\"" + seats.get(1) + "\"]}");
            }));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        List<String> held = new ArrayList<>();
        for (int fan = 0; fan < 32; fan++) {
            Api.Response answer = answers.get(fan).get();
            statuses.add(answer.status());
            if (answer.status() == 201) {
                held.add(tokens.get(fan) + " " + answer.text("reservationId"));
            }
        }
        fans.shutdown();
        assertThat(statuses).containsOnly(201, 409);
        assertThat(held).as("two adjacent seats each: at most three disjoint pairs among six seats")
                .hasSizeBetween(1, 3);
        assertThat(api.get("/api/baseline/events/" + eventId + "/availability", tokens.get(0)).strings("held"))
                .hasSize(held.size() * 2);

        String[] first = held.get(0).split(" ");
        String paymentId = api.post("/api/baseline/reservations/" + first[1] + "/checkout", first[0], null)
                .text("paymentId");
        String notice = "{\"paymentId\":\"" + paymentId + "\"}";
        assertThat(api.post("/baseline/payments/webhook", null, notice, BaselineWebhookSignature.HEADER,
                BaselineWebhookSignature.sign("forged", notice)).status()).as("a forged notice").isEqualTo(401);
        String signature = BaselineWebhookSignature.sign(TestServers.BASELINE_WEBHOOK_SECRET, notice);
        assertThat(api.post("/baseline/payments/webhook", null, notice, BaselineWebhookSignature.HEADER, signature)
                .status())
                .isEqualTo(204);
        assertThat(api.post("/baseline/payments/webhook", null, notice, BaselineWebhookSignature.HEADER, signature)
                .status())
                .as("paid once").isEqualTo(409);
        if (held.size() > 1) {
            String[] second = held.get(1).split(" ");
            assertThat(api.delete("/api/baseline/reservations/" + second[1], second[0]).status()).isEqualTo(202);
        }
        var books = api.get("/api/admin/baseline/events/" + eventId + "/verify", admin).body();
        assertThat(books.path("violations").asLong()).isZero();
        assertThat(books.path("sold").asLong()).isEqualTo(2);
        assertThat(books.path("held").asLong()).isEqualTo(2L * Math.max(0, held.size() - 2));
    }

    @Test
    void operatorsReadTheDatabasesTransactionCounters() {
        var stats = api.get("/api/admin/database/stats", api.token("admin"));
        assertThat(stats.status()).isEqualTo(200);
        assertThat(stats.body().path("transactionsCommitted").asLong()).isPositive();
        assertThat(api.get("/api/admin/database/stats", api.token("not-admin")).status()).isEqualTo(403);
    }
}
