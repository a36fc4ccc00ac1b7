package io.boxoffice.app.shard;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.boxoffice.api.catalog.SeatLayout;
import io.boxoffice.app.BoxofficeApplication;
import io.boxoffice.app.support.Api;
import io.boxoffice.app.support.EventStoreProbe;
import io.boxoffice.app.support.Gateway;
import io.boxoffice.app.support.SeatRace;
import io.boxoffice.app.support.TestServers;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import redis.embedded.RedisServer;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 16: two nodes whose seats are spread over two PostgreSQL instances, the primary database and a second
 * embedded PostgreSQL ({@code shard-1}). Each test's event has sections on both.
 */
class SeatShardsIT {

    private static final List<String> SECTIONS = List.of("A", "B", "C", "D", "E", "F");
    private static final int SEATS_PER_SECTION = 12;
    private static final SeatLayout TWO_SHARDS = new SeatLayout(List.of("primary", "shard-1"), Map.of());

    private static Path shardData;
    private static int shardPort;
    private static EmbeddedPostgres shard;
    /** A deployment of its own: the shared Redis would carry this one's read-model switches to the other's nodes. */
    private static RedisServer redis;
    private static final List<ConfigurableApplicationContext> nodes = new ArrayList<>();
    private static Api first;
    private static Api second;

    @BeforeAll
    static void startTwoShardsAndTwoNodes() throws IOException {
        JdbcTemplate server = new JdbcTemplate(TestServers.postgres().getPostgresDatabase());
        server.execute("DROP DATABASE IF EXISTS seat_shards_primary WITH (FORCE)"); // a rerun's in this JVM
        server.execute("CREATE DATABASE seat_shards_primary");
        shardData = Files.createTempDirectory("seat-shard-1");
        shardPort = freePort();
        startShard();
        int redisPort = freePort();
        redis = RedisServer.newRedisServer().port(redisPort).bind("127.0.0.1").setting("save \"\"")
                .setting("appendonly no").build();
        redis.start();
        for (int node = 0; node < 2; node++) {
            List<String> args = new ArrayList<>(TestServers.nodeProperties().stream()
                    .map(property -> property.startsWith("spring.datasource.url=")
                            ? "spring.datasource.url=" + TestServers.postgres().getJdbcUrl("postgres",
                            "seat_shards_primary") : property)
                    .map(property -> property.startsWith("spring.data.redis.port=")
                            ? "spring.data.redis.port=" + redisPort : property)
                    .map(property -> "--" + property).toList());
            args.addAll(List.of("--server.port=0", "--boxoffice.rate-limit.enabled=false",
                    "--boxoffice.seat-shards[0].name=primary",
                    "--boxoffice.seat-shards[1].name=shard-1",
                    "--boxoffice.seat-shards[1].url=" + shard.getJdbcUrl("postgres", "postgres"),
                    "--boxoffice.seat-shards[1].username=postgres",
                    "--boxoffice.seat-shards[1].password=postgres",
                    "--boxoffice.seat-shard-retry-after=PT1S"));
            nodes.add(new SpringApplicationBuilder(BoxofficeApplication.class).run(args.toArray(String[]::new)));
        }
        first = new Api(port(nodes.get(0)));
        second = new Api(port(nodes.get(1)));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void startShard() throws IOException {
        shard = EmbeddedPostgres.builder().setDataDirectory(shardData).setCleanDataDirectory(false)
                .setPort(shardPort).setRegisterShutdownHook(false).start();
    }

    @AfterAll
    static void stopAll() throws IOException {
        nodes.forEach(ConfigurableApplicationContext::close);
        shard.close();
        redis.stop();
    }

    private static int port(ConfigurableApplicationContext node) {
        return ((ServletWebServerApplicationContext) node).getWebServer().getPort();
    }

    /** A new event on sale at a venue of six one-row sections, with sections on both shards. */
    private record ShardedEvent(String venueId, String eventId, List<String> onPrimary, List<String> onShard) {

        List<String> seats(String section) {
            return IntStream.rangeClosed(1, SEATS_PER_SECTION).mapToObj(n -> section + "-1-" + n).toList();
        }
    }

    private static ShardedEvent shardedEvent(String extra) {
        String admin = first.token("admin");
        ObjectNode venue = Api.JSON.createObjectNode().put("name", "Sharded arena").put("city", "Lyon");
        ArrayNode sections = venue.putArray("sections");
        for (String id : SECTIONS) {
            ArrayNode seats = sections.addObject().put("id", id).put("name", "Block " + id).put("category", "FLOOR")
                    .putArray("rows").addObject().put("label", "1").putArray("seats");
            for (int n = 1; n <= SEATS_PER_SECTION; n++) {
                seats.addObject().put("number", Integer.toString(n)).put("x", n * 2.0).put("y", id.charAt(0) * 3.0);
            }
        }
        String venueId = first.createVenue(admin, venue.toString());
        while (true) { // the rule may put every section of one event on one shard: then take another event
            String eventId = first.createEvent(admin, venueId, extra);
            List<String> onShard = SECTIONS.stream()
                    .filter(section -> TWO_SHARDS.shardOf(eventId, section).equals("shard-1")).toList();
            if (!onShard.isEmpty() && onShard.size() < SECTIONS.size()) {
                List<String> onPrimary = SECTIONS.stream().filter(section -> !onShard.contains(section)).toList();
                return new ShardedEvent(venueId, eventId, onPrimary, onShard);
            }
        }
    }

    private static long seatEventsOn(JdbcTemplate database, String eventId) {
        return database.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier LIKE ?",
                Long.class, eventId + "/%");
    }

    private static JdbcTemplate shardDatabase() {
        return new JdbcTemplate(shard.getPostgresDatabase());
    }

    private static JdbcTemplate primaryDatabase() {
        return nodes.get(0).getBean(JdbcTemplate.class);
    }

    @Test
    void aFlashSaleOverBothShardsSellsEverySeatOnceAndTheAuditorsFindNothingWrong() throws Exception {
        ShardedEvent event = shardedEvent("");
        List<Api> both = List.of(first, second);
        Random random = new Random(16);
        ExecutorService pool = Executors.newFixedThreadPool(24);
        List<Future<SeatRace.Attempt>> attempts = new ArrayList<>();
        for (int fan = 0; fan < 72; fan++) {
            Api node = both.get(fan % 2);
            String user = "sharded-fan-" + fan;
            String token = node.token(user);
            List<String> row = event.seats(SECTIONS.get(random.nextInt(SECTIONS.size())));
            int size = 1 + random.nextInt(3);
            int from = random.nextInt(row.size() - size + 1);
            List<String> wanted = row.subList(from, from + size);
            attempts.add(pool.submit(() -> new SeatRace.Attempt(user, wanted, node.reserve(token, event.eventId(),
                    wanted))));
        }
        List<SeatRace.Attempt> answers = new ArrayList<>();
        for (Future<SeatRace.Attempt> attempt : attempts) {
            answers.add(attempt.get());
        }
        pool.shutdown();
        List<String> everySeat = SECTIONS.stream().flatMap(section -> event.seats(section).stream()).toList();
        SeatRace.assertNoSeatHeldTwice(new EventStoreProbe(nodes.get(0)), event.eventId(), everySeat, answers);

        assertThat(seatEventsOn(shardDatabase(), event.eventId())).as("seat events on shard-1").isPositive();
        assertThat(seatEventsOn(primaryDatabase(), event.eventId())).as("seat events on the primary").isPositive();
        SeatRace.Attempt onShard = answers.stream().filter(SeatRace.Attempt::won)
                .filter(won -> event.onShard().contains(won.seatIds().get(0).substring(0, 1)))
                .findFirst().orElseThrow();
        String reservationId = onShard.response().text("reservationId");
        assertThat(reservationId).startsWith("shard-1.");
        Gateway gateway = new Gateway(first, nodes.get(0));
        String fan = first.token(onShard.user());
        gateway.click(gateway.checkout(fan, reservationId), "succeed");
        first.reservationOnceItIs(reservationId, fan, "CONFIRMED");

        String auditor = first.token("admin");
        Api.Response report = second.post("/api/audit/events/" + event.eventId() + "/verify", auditor, null);
        assertThat(report.status()).as("%s", report.body()).isEqualTo(200);
        assertThat(report.body().path("violations")).as("%s", report.body()).isEmpty();
        Api.Response history = second.get("/api/audit/events/" + event.eventId() + "/seats/"
                + onShard.seatIds().get(0) + "/history", auditor);
        assertThat(history.body().toString()).contains("SeatHeld", "SeatSold");
    }

    @Test
    void racesForOneBucketOnTwoNodesNeverShareASeat() throws Exception {
        ShardedEvent event = shardedEvent("");
        List<String> seats = event.seats(event.onShard().get(0));
        List<SeatRace.Attempt> attempts = SeatRace.run(List.of(first, second), event.eventId(), seats, 48,
                "shard-racer-", 16);
        SeatRace.assertNoSeatHeldTwice(new EventStoreProbe(nodes.get(1)), event.eventId(), seats, attempts);
        assertThat(attempts).anyMatch(SeatRace.Attempt::won);
    }

    @Test
    void aReservationAcrossBucketsIsRefusedNamingThem() {
        ShardedEvent event = shardedEvent("");
        String fan = first.token("bucket-crosser");
        String a = SECTIONS.get(0);
        String b = SECTIONS.get(1);
        Api.Response refused = first.reserve(fan, event.eventId(), List.of(a + "-1-1", b + "-1-1"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().path("buckets").has(a)).isTrue();
        assertThat(refused.body().path("buckets").has(b)).isTrue();
    }

    /** Sections an organizer grouped are one bucket: held together, on one shard. */
    @Test
    void sectionsAnOrganizerGroupedAreHeldTogether() {
        ShardedEvent event = shardedEvent(",\"buckets\":{\"pair\":[\"A\",\"B\"]}");
        String fan = first.token("pair-fan");
        Api.Response held = second.reserve(fan, event.eventId(), List.of("A-1-1", "B-1-1"));
        assertThat(held.status()).as("%s", held.body()).isEqualTo(201);
        boolean onShard = TWO_SHARDS.shardOf(event.eventId(), "pair").equals("shard-1");
        assertThat(held.text("reservationId").startsWith("shard-1.")).isEqualTo(onShard);
        assertThat(seatEventsOn(onShard ? shardDatabase() : primaryDatabase(), event.eventId())).isEqualTo(2);
        assertThat(second.reserve(fan, event.eventId(), List.of("A-1-2", "C-1-2")).status()).isEqualTo(400);
    }

    @Test
    void bucketsThatAreNotGroupsOfTheVenuesSectionsChangeNothing() {
        String venueId = shardedEvent("").venueId();
        String admin = first.token("admin");
        String eventsCreated = "SELECT count(*) FROM domain_event_entry WHERE payload_type LIKE '%.EventCreated'";
        long before = primaryDatabase().queryForObject(eventsCreated, Long.class);
        for (String buckets : List.of("{\"x\":[\"Z\"]}", "{\"x\":[\"A\"],\"y\":[\"A\",\"B\"]}",
                "{\"C\":[\"A\"]}", "{\"x\":[]}", "{\"x\":\"A\"}", "[\"A\"]", "{\"x\\u0000\":[\"A\"]}",
                "{\"x\":[\"A\\n\"]}", "{\"" + "x".repeat(40) + "\":[\"A\"]}")) {
            String body = "{\"venueId\":\"" + venueId + "\",\"name\":\"Grouped\",\"startsAt\":\"2030-01-01T20:00:00Z\","
                    + "\"prices\":{\"FLOOR\":{\"amount\":\"49.00\",\"currency\":\"EUR\"}},\"buckets\":" + buckets + "}";
            Api.Response refused = first.post("/api/events", admin, body);
            assertThat(refused.status()).as("buckets %s: %s", buckets, refused.body()).isEqualTo(400);
            assertThat(refused.contentType()).startsWith("application/problem+json");
        }
        assertThat(primaryDatabase().queryForObject(eventsCreated, Long.class)).isEqualTo(before);
    }

    /** The allowance on the primary database counts holds on both shards, and hears of their ends. */
    @Test
    void aFansLimitCountsTheirSeatsOnEveryShard() {
        ShardedEvent event = shardedEvent(",\"maxTicketsPerFan\":2");
        String fan = first.token("two-shard-collector");
        String onShard = first.reserve(fan, event.eventId(), List.of(event.onShard().get(0) + "-1-1"))
                .text("reservationId");
        assertThat(first.reserve(fan, event.eventId(), List.of(event.onPrimary().get(0) + "-1-1")).status())
                .isEqualTo(201);
        Api.Response third = second.reserve(fan, event.eventId(), List.of(event.onPrimary().get(0) + "-1-5"));
        assertThat(third.status()).isEqualTo(409);
        assertThat(third.text("type")).endsWith("ticket-limit-reached");

        assertThat(first.delete("/api/reservations/" + onShard, fan).status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(15)).until(() ->
                second.reserve(fan, event.eventId(), List.of(event.onPrimary().get(0) + "-1-5")).status() == 201);
    }

    /**
     * One shard stopped mid-sale: its buckets answer 503, every other bucket sells, nothing is lost: a payment made on
     * the gateway's page meanwhile is confirmed once the shard is back.
     */
    @Test
    void aStoppedShardRefusesItsBucketsWhileTheOthersSellAndLosesNothing() throws Exception {
        ShardedEvent event = shardedEvent("");
        String fan = first.token("shard-outage-fan");
        String before = first.reserve(fan, event.eventId(), List.of(event.onShard().get(0) + "-1-1"))
                .text("reservationId");
        first.reservationOnceItIs(before, fan, "HELD");
        Gateway gateway = new Gateway(first, nodes.get(0));
        String payment = gateway.checkout(fan, before);

        shard.close();
        try {
            Api.Response refused = first.reserve(fan, event.eventId(), List.of(event.onShard().get(0) + "-1-2"));
            assertThat(refused.status()).as("%s", refused.body()).isEqualTo(503);
            assertThat(refused.header("Retry-After")).isNotBlank();
            Api.Response notCancelled = first.delete("/api/reservations/" + before, fan);
            assertThat(notCancelled.status()).as("%s", notCancelled.body()).isEqualTo(503);
            assertThat(notCancelled.header("Retry-After")).isNotBlank();
            Api.Response webhook = gateway.webhook(Gateway.event("payment.succeeded", payment, before, "49.00"));
            assertThat(webhook.status()).as("a gateway told to retry: %s", webhook.body()).isEqualTo(503);
            // the fan pays on the gateway's page: its webhook waits, retried, until the shard is back
            assertThat(gateway.click(payment, "succeed").status()).isLessThan(400);
            for (Api node : List.of(first, second)) {
                String other = node.token("shard-outage-neighbour-" + (node == first ? 1 : 2));
                Api.Response sold = node.reserve(other, event.eventId(),
                        List.of(event.onPrimary().get(0) + "-1-" + (node == first ? 1 : 2)));
                assertThat(sold.status()).as("%s", sold.body()).isEqualTo(201);
                // browsing follows the primary's events while shard-1's wait
                node.reservationOnceItIs(sold.text("reservationId"), other, "HELD", Duration.ofSeconds(15));
            }
        } finally {
            startShard();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> first.reserve(fan, event.eventId(),
                List.of(event.onShard().get(0) + "-1-3")).status() == 201);
        first.reservationOnceItIs(before, fan, "CONFIRMED", Duration.ofSeconds(60));
        Api.Response report = first.post("/api/audit/events/" + event.eventId() + "/verify", first.token("admin"),
                null);
        assertThat(report.body().path("violations")).as("%s", report.body()).isEmpty();
        assertThat(report.body().path("seatsByStatus").path("SOLD").asInt()).isEqualTo(1);
    }

    /** I7 over two shards: a replay of the read models from both event stores rebuilds what was served. */
    @Test
    void aRebuildFromBothShardsEqualsTheLiveReadModels() {
        ShardedEvent event = shardedEvent("");
        String fan = first.token("shard-replay-fan");
        List<String> reservations = new ArrayList<>();
        for (String section : SECTIONS) {
            reservations.add(first.reserve(fan, event.eventId(), List.of(section + "-1-1")).text("reservationId"));
        }
        first.delete("/api/reservations/" + reservations.get(0), fan);
        String availability = "/api/events/" + event.eventId() + "/availability";
        await().atMost(Duration.ofSeconds(15)).until(() -> first.get(availability, null).strings("held").size()
                == SECTIONS.size() - 1 && first.get("/api/reservations/" + reservations.get(0), fan).text("status")
                .equals("CANCELLED"));
        List<String> heldBefore = sorted(first.get(availability, null).strings("held"));
        List<String> statusesBefore = reservations.stream()
                .map(id -> first.get("/api/reservations/" + id, fan).text("status")).toList();

        String admin = first.token("admin");
        assertThat(first.post("/api/admin/read-models/catalog/replay", admin, null).status()).isEqualTo(200);
        assertThat(first.post("/api/admin/read-models/reservations/replay", admin, null).status()).isEqualTo(200);

        assertThat(sorted(first.get(availability, null).strings("held"))).isEqualTo(heldBefore);
        assertThat(reservations.stream().map(id -> first.get("/api/reservations/" + id, fan).text("status"))
                .toList()).isEqualTo(statusesBefore);
    }

    private static List<String> sorted(List<String> values) {
        List<String> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted;
    }
}
