package io.boxoffice.app.web;

import io.boxoffice.app.support.Api;
import io.boxoffice.app.support.ApplicationTest;
import io.boxoffice.app.support.RawHttp;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What a hostile or broken client sends at the HTTP layer: bodies that trickle in, bodies too large or endless,
 * forged Host headers. None of it may cost other fans their service, or change a link the application hands out.
 */
class RequestLimitsIT extends ApplicationTest {

    @Test
    void twoHundredFiftySlowBodiesDoNotStarveOtherRequests() {
        String eventId = api.eventWithSeats(1);
        await().until(() -> api.raw("/api/events/" + eventId + "/availability").statusCode() == 200);
        List<RawHttp> slow = new ArrayList<>();
        ScheduledExecutorService trickle = Executors.newSingleThreadScheduledExecutor();
        try {
            for (int i = 0; i < 250; i++) {
                slow.add(RawHttp.connect(port).head("POST /api/auth/token HTTP/1.1", "Host: localhost",
                        "Content-Type: application/json", "Content-Length: 10000",
                        "X-Forwarded-For: 203.0.113." + i));
            }
            trickle.scheduleAtFixedRate(() -> slow.forEach(client -> client.tryWrite(new byte[]{' '})),
                    0, 200, TimeUnit.MILLISECONDS);

            List<Long> probeMillis = new ArrayList<>();
            long until = System.nanoTime() + Duration.ofSeconds(4).toNanos();
            while (System.nanoTime() < until) {
                long start = System.nanoTime();
                HttpResponse<String> availability = api.raw("/api/events/" + eventId + "/availability");
                Api.Response query = api.graphql(null, "{ events(first: 1) { edges { node { id } } } }", Map.of());
                probeMillis.add((System.nanoTime() - start) / 1_000_000);
                assertThat(availability.statusCode()).isEqualTo(200);
                assertThat(query.body().path("data").isObject()).as("a request with a body of its own").isTrue();
            }
            System.out.printf("With 250 slow bodies arriving: %d probes (availability + GraphQL), slowest %d ms%n",
                    probeMillis.size(), probeMillis.stream().mapToLong(Long::longValue).max().orElseThrow());
            assertThat(probeMillis).allSatisfy(millis -> assertThat(millis).isLessThan(1_000));

            trickle.shutdownNow();
            RawHttp.Answer cutOff = slow.get(0).answer();
            assertThat(cutOff.status()).as("a body slower than the body timeout is refused").isEqualTo(408);
            assertThat(cutOff.body()).contains("/problems/request-timeout");
        } finally {
            trickle.shutdownNow();
            slow.forEach(RawHttp::close);
        }
    }

    @Test
    void aBodyDeclaredLargerThanItsLimitIsRefusedBeforeAByteOfItIsRead() {
        try (RawHttp client = RawHttp.connect(port)) {
            RawHttp.Answer answer = client.head("POST /api/auth/token HTTP/1.1", "Host: localhost",
                    "Content-Type: application/json", "Content-Length: 102400").answer();

            assertThat(answer.status()).isEqualTo(413);
            assertThat(answer.headers().get("content-type")).isEqualTo("application/problem+json");
            assertThat(answer.body()).contains("/problems/request-too-large").contains("\"maxBodyBytes\":16384");
        }
    }

    /**
     * Six endless GraphQL bodies at once (what took the heap from 1.3 to 3.4 GB): each is cut off at its limit,
     * long before its 50 MB are sent, and the node allocates a fraction of one of them meanwhile.
     */
    @Test
    void sixEndlessBodiesAreCutOffWithoutFillingTheHeap() throws Exception {
        long allocatedBefore = allocatedBytes();
        ExecutorService uploads = Executors.newFixedThreadPool(12);
        long mostSent = 0;
        try {
            List<CompletableFuture<long[]>> sent = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                sent.add(CompletableFuture.supplyAsync(() -> endlessGraphQlBody(uploads), uploads));
            }
            for (CompletableFuture<long[]> upload : sent) {
                long[] statusAndBytes = upload.get(60, TimeUnit.SECONDS);
                assertThat(statusAndBytes[0]).isEqualTo(413);
                assertThat(statusAndBytes[1]).as("bytes the client got to send").isLessThan(50L << 20);
                mostSent = Math.max(mostSent, statusAndBytes[1]);
            }
        } finally {
            uploads.shutdownNow();
        }
        long allocated = allocatedBytes() - allocatedBefore;
        System.out.printf("Six endless 50 MB GraphQL bodies: each answered 413 after at most %d KB sent; the JVM "
                + "allocated %d KB meanwhile%n", mostSent >> 10, allocated >> 10);
        assertThat(allocated).as("bytes allocated while six 50 MB bodies were refused").isLessThan(100L << 20);
    }

    /** Sends up to 50 MB in chunks until the server stops taking them; returns its status and the bytes sent. */
    private long[] endlessGraphQlBody(ExecutorService readers) {
        try (RawHttp client = RawHttp.connect(port)) {
            client.head("POST /graphql HTTP/1.1", "Host: localhost", "Content-Type: application/json",
                    "Transfer-Encoding: chunked");
            CompletableFuture<RawHttp.Answer> answer = CompletableFuture.supplyAsync(client::answer, readers);
            byte[] chunk = new byte[64 * 1024];
            Arrays.fill(chunk, (byte) ' ');
            byte[] framed = chunkOf(chunk);
            AtomicLong sent = new AtomicLong();
            while (sent.get() < (50L << 20) && !answer.isDone() && client.tryWrite(framed)) {
                sent.addAndGet(chunk.length);
            }
            return new long[]{answer.get(30, TimeUnit.SECONDS).status(), sent.get()};
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] chunkOf(byte[] data) {
        byte[] size = (Integer.toHexString(data.length) + "\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] framed = new byte[size.length + data.length + 2];
        System.arraycopy(size, 0, framed, 0, size.length);
        System.arraycopy(data, 0, framed, size.length, data.length);
        framed[framed.length - 2] = '\r';
        framed[framed.length - 1] = '\n';
        return framed;
    }

    /** Bytes allocated so far by this JVM's platform threads (the request threads on Java 17). */
    private static long allocatedBytes() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        return Arrays.stream(threads.getThreadAllocatedBytes(threads.getAllThreadIds())).filter(b -> b > 0).sum();
    }

    @Test
    void checkoutLinksComeFromThePublicUrlWhateverTheHostHeaderSays() {
        String eventId = api.eventWithSeats(1);
        String fan = api.token("link-fan");
        String reservationId = api.reserve(fan, eventId, List.of("A-1-1")).text("reservationId");

        try (RawHttp client = RawHttp.connect(port)) {
            RawHttp.Answer checkout = client.head("POST /api/reservations/" + reservationId + "/checkout HTTP/1.1",
                    "Host: evil.example", "X-Forwarded-Host: evil.example", "X-Forwarded-Proto: https",
                    "Authorization: Bearer " + fan, "Content-Length: 0", "Connection: close").answer();

            assertThat(checkout.status()).as(checkout.body()).isEqualTo(201);
            assertThat(checkout.body()).contains("\"checkoutUrl\":\"http://localhost:" + port + "/sandbox/checkout/")
                    .doesNotContain("evil.example");
        }
    }
}
