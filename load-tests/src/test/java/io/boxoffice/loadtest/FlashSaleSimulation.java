package io.boxoffice.loadtest;

import com.fasterxml.jackson.databind.JsonNode;
import io.boxoffice.api.catalog.SeatLayout;
import io.boxoffice.loadtest.baseline.BaselineWebhookSignature;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.asLongAs;
import static io.gatling.javaapi.core.CoreDsl.bodyString;
import static io.gatling.javaapi.core.CoreDsl.doIf;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.exitBlockOnFail;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.percent;
import static io.gatling.javaapi.core.CoreDsl.randomSwitch;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.responseTimeInMillis;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * A flash sale: fans arrive within seconds, (for Boxoffice) queue in the waiting room until admitted, load the seat
 * map once, race for 1 to 4 adjacent seats (most of them in one hot section), try again with what a refusal told
 * them, then pay, cancel or abandon (a fan who gives up leaves the waiting room's flow). {@code -Dtarget=boxoffice} (default) or {@code baseline} (the naive design, same HTTP stack and
 * workload, no waiting room). Sizes and mix by system properties; the defaults fit a 2-core machine.
 * <p>
 * The venue has a hot section H (FRONT) and a cold one C (BACK). {@code -DcoldSections=N} shares C's rows out over N
 * sections C1..CN of the same category and price (a fan who goes for the back picks one of them at random), so that
 * the sale's seats spread over the application's seat shards, a section being a bucket of its own; absent, C is one
 * section as before. {@code -DseatShards=primary,shard-1} (the shards' names in the application's order; a
 * {@code name=dir} entry counts by its name) adds to the figures which of the event's sections lie on which shard,
 * by the rule of {@link SeatLayout}.
 * <p>
 * After the run it reads PostgreSQL's transaction counters and the books (the auditors' replay of the event store
 * for Boxoffice, the seat table's consistency for the baseline), and writes the figures to
 * {@code target/flash-sale/<target>.json} and {@code target/flash-sale/report.md}.
 */
public class FlashSaleSimulation extends Simulation {

    private static final String BASE_URL = System.getProperty("baseUrl", "http://localhost:8080");
    private static final String TARGET = System.getProperty("target", "boxoffice");
    private static final int FANS = Integer.getInteger("fans", 3000);
    private static final int RAMP_SECONDS = Integer.getInteger("rampSeconds", 15);
    private static final SeatPicker HOT = new SeatPicker("H", Integer.getInteger("hotRows", 10),
            Integer.getInteger("hotSeatsPerRow", 20));
    private static final List<SeatPicker> COLD = SeatPicker.split("C", Integer.getInteger("coldRows", 40),
            Integer.getInteger("coldSeatsPerRow", 50), Integer.getInteger("coldSections", 1));
    private static final List<String> SEAT_SHARDS = Arrays.stream(System.getProperty("seatShards", "").split(","))
            .map(String::strip).filter(entry -> !entry.isEmpty()).map(entry -> entry.split("=", 2)[0]).toList();
    private static final double HOT_SHARE = Double.parseDouble(System.getProperty("hotShare", "0.8"));
    private static final int ATTEMPTS = Integer.getInteger("attempts", 3);
    private static final int MAX_FANS_IN_FLOW = Integer.getInteger("maxFansInFlow", 1000);
    private static final long GIVE_UP_MILLIS = 1000L * Integer.getInteger("giveUpSeconds", 300);
    /** Shares of fans holding seats who pay and who cancel; the others abandon their hold. */
    private static final double PAY_SHARE = Double.parseDouble(System.getProperty("payShare", "0.5"));
    private static final double CANCEL_SHARE = Double.parseDouble(System.getProperty("cancelShare", "0.2"));
    /** What the load test, standing in for the baseline's gateway, signs its webhooks with (run.sh sets both). */
    private static final String BASELINE_WEBHOOK_SECRET = System.getProperty("baselineWebhookSecret", "");

    private final boolean boxoffice = !TARGET.equals("baseline");
    private final Boxoffice organizer = new Boxoffice(BASE_URL);
    private final String venueId = organizer.venue("Load Arena " + TARGET,
            Stream.concat(Stream.of(HOT), COLD.stream()).toList(), section -> section == HOT ? "FRONT" : "BACK");
    private final String eventId = organizer.event(venueId, "Flash sale (" + TARGET + ")",
            boxoffice ? Map.of("maxFansInFlow", MAX_FANS_IN_FLOW) : null);
    private final Outcomes outcomes = new Outcomes();
    private final DatabaseCounter database = new DatabaseCounter(organizer);
    private final Fairness admissionOrder = new Fairness();
    private final Fairness holdOrder = new Fairness();
    private ProcessCpu.Reading cpuBefore;

    {
        if (!boxoffice) {
            organizer.baselineSeats(eventId);
        }
        String api = boxoffice ? "/api" : "/api/baseline";
        HttpProtocolBuilder protocol = http.baseUrl(BASE_URL)
                .acceptHeader("application/json")
                .contentTypeHeader("application/json")
                .disableFollowRedirect()
                .shareConnections(); // fans reach the nodes through a load balancer's pooled connections

        ChainBuilder signIn = exec(session -> session.set("token",
                FanTokens.mint(TARGET + "-fan-" + session.userId())));

        // as the page does: join, follow the shared line, ask about oneself when one's number comes up
        String room = "/api/events/" + eventId + "/waiting-room";
        ChainBuilder waitingRoom = exec(waitingRoomCall(http("waiting room: join").post(room)))
                // a fan gives up after five minutes in line (the line is paced: polls are not a measure of time)
                .exec(session -> session.set("joinedAt", System.currentTimeMillis()))
                .asLongAs(session -> !Set.of("ADMITTED", "SOLD_OUT").contains(String.valueOf(session.getString("state")))
                        && System.currentTimeMillis() - session.getLong("joinedAt") < GIVE_UP_MILLIS)
                .on(pause(session -> LinePacing.next(session.contains("place") ? session.getLong("place") : null,
                                session.contains("nowServing") ? session.getLong("nowServing") : 0,
                                session.contains("pace") ? session.getDouble("pace") : 0))
                        .exec(http("waiting room: line").get(room + "/line")
                                .check(jsonPath("$.state").saveAs("line"), jsonPath("$.nowServing").ofLong()
                                        .saveAs("nowServing"), jsonPath("$.admissionsPerSecond").ofDouble()
                                        .saveAs("pace"), responseTimeInMillis().saveAs("lineLatency")))
                        .exec(session -> {
                            outcomes.record("line", session.getLong("lineLatency"), System.currentTimeMillis());
                            return session;
                        })
                        .doIfOrElse(session -> "SOLD_OUT".equals(session.getString("line")))
                        .then(exec(session -> session.set("state", "SOLD_OUT")))
                        .orElse(doIf(session -> "OPEN".equals(session.getString("line")) && (!session.contains("place")
                                || session.getLong("place") <= session.getLong("nowServing")))
                                .then(waitingRoomCall(http("waiting room: my turn?").get(room)))
                                .doIf(session -> "NOT_IN_QUEUE".equals(session.getString("state")))
                                .then(waitingRoomCall(http("waiting room: join").post(room)))));

        ChainBuilder availability = exec(http("seat map: availability")
                .get(api + "/events/" + eventId + "/availability")
                .header("Authorization", "Bearer #{token}")
                .check(bodyString().saveAs("availability")));

        // a new key for each distinct request, as the page sends it (a retry of the same request would repeat it)
        HttpRequestActionBuilder reserve = http("reserve").post(api + "/events/" + eventId + "/reservations")
                .header("Authorization", "Bearer #{token}")
                .header("Idempotency-Key", session -> UUID.randomUUID().toString())
                .body(StringBody("#{reservation}"))
                .check(status().saveAs("status"), responseTimeInMillis().saveAs("latency"),
                        jsonPath("$.reservationId").optional().saveAs("reservationId"),
                        jsonPath("$.unavailableSeatIds[*]").findAll().optional().saveAs("refusedSeats"));
        if (boxoffice) {
            reserve = reserve.header("Admission-Token", "#{admission}");
        }

        // the map is loaded once; a refused fan learns from the refusal which seats went and picks again
        ChainBuilder race = exec(http("seat map: layout").get("/api/venues/" + venueId))
                .exec(availability)
                .exec(session -> {
                    outcomes.record("browse", 0, System.currentTimeMillis());
                    outcomes.record("browse", 0, System.currentTimeMillis());
                    return session.set("attempt", 0).set("held", false).set("soldOut", false);
                })
                .asLongAs(session -> !session.getBoolean("held") && !session.getBoolean("soldOut")
                        && session.getInt("attempt") < ATTEMPTS)
                .on(exec(this::pickSeats)
                        .doIf(session -> !session.getBoolean("soldOut"))
                        .then(exec(reserve).exec(this::recordReservation)));

        // the same steps for both: the fan opens a checkout, the gateway confirms with a signed webhook (Boxoffice's
        // sandbox gateway sends it when the fan clicks; for the baseline the load test plays the gateway)
        ChainBuilder checkout = exec(http("pay: checkout").post(api + "/reservations/#{reservationId}/checkout")
                .header("Authorization", "Bearer #{token}").check(jsonPath("$.paymentId").saveAs("paymentId")));
        // a checkout that failed has no payment to pay: the fan stops there, with one error, not two
        ChainBuilder pay = exitBlockOnFail().on(exec(checkout).exec(boxoffice
                ? http("pay: sandbox gateway").post("/sandbox/checkout/#{paymentId}/succeed").check(status().is(303))
                : http("pay: gateway's webhook").post("/baseline/payments/webhook")
                .body(StringBody(FlashSaleSimulation::paymentNotice))
                .header(BaselineWebhookSignature.HEADER, session -> BaselineWebhookSignature.sign(
                        BASELINE_WEBHOOK_SECRET, paymentNotice(session)))
                .check(status().is(204)))
                .exec(session -> {
                    outcomes.record("paid", 0, System.currentTimeMillis());
                    return session;
                }));
        ChainBuilder cancel = exec(http("cancel").delete(api + "/reservations/#{reservationId}")
                .header("Authorization", "Bearer #{token}").check(status().is(202)));

        ScenarioBuilder fans = scenario("fans (" + TARGET + ")")
                .exec(session -> session.set("state", boxoffice ? "JOINING" : "ADMITTED").set("held", false))
                // a fan whose step fails (an error answer) stops there
                .exitBlockOnFail().on(exec(signIn)
                        .doIf(session -> boxoffice).then(waitingRoom)
                        .doIf(session -> "ADMITTED".equals(session.getString("state"))).then(exec(session -> {
                            admissionOrder.reached(session.userId(), System.currentTimeMillis());
                            return session;
                        }).exec(race)))
                // a fan who gives up leaves the flow, so that the next in line is let in
                .doIf(session -> boxoffice && "ADMITTED".equals(session.getString("state"))
                        && !session.getBoolean("held"))
                .then(exec(http("waiting room: leave").delete(room)
                        .header("Authorization", "Bearer #{token}")))
                .doIf(session -> session.getBoolean("held")).then(randomSwitch().on(
                        percent(100 * PAY_SHARE).then(pay),
                        percent(100 * CANCEL_SHARE).then(cancel))) // the others abandon their hold
                .exec(session -> {
                    if (session.isFailed()) {
                        outcomes.record("failedFan", 0, System.currentTimeMillis());
                    }
                    return session;
                });

        setUp(fans.injectOpen(rampUsers(FANS).during(RAMP_SECONDS))).protocols(protocol);
    }

    /** The baseline gateway's notice that the fan's payment succeeded, as the load test signs and sends it. */
    private static String paymentNotice(Session session) {
        return "{\"paymentId\":\"" + session.getString("paymentId") + "\"}";
    }

    private static HttpRequestActionBuilder waitingRoomCall(HttpRequestActionBuilder call) {
        return call.header("Authorization", "Bearer #{token}")
                .check(jsonPath("$.state").saveAs("state"), jsonPath("$.place").ofLong().optional().saveAs("place"),
                        jsonPath("$.admissionToken").optional().saveAs("admission"));
    }

    /** The fan looks at the map (and what their last attempt was told) and picks seats; none left: sold out. */
    private Session pickSeats(Session session) {
        Random random = ThreadLocalRandom.current();
        Set<String> unavailable = new HashSet<>(session.contains("taken") ? session.getList("taken") : List.of());
        try {
            JsonNode shown = Boxoffice.JSON.readTree(session.getString("availability"));
            shown.path("held").forEach(seat -> unavailable.add(seat.asText()));
            shown.path("sold").forEach(seat -> unavailable.add(seat.asText()));
        } catch (Exception unreadable) {
            return session.markAsFailed();
        }
        int count = 1 + random.nextInt(4);
        boolean hot = random.nextDouble() < HOT_SHARE;
        List<String> seats = pick(hot, random, count, unavailable);
        if (seats.isEmpty()) {
            seats = pick(!hot, random, count, unavailable);
        }
        if (seats.isEmpty()) {
            seats = pick(!hot, random, 1, unavailable);
        }
        return session.set("soldOut", seats.isEmpty())
                .set("seats", seats)
                .set("reservation", "{\"seatIds\":[\"" + String.join("\",\"", seats) + "\"]}")
                .set("attempt", session.getInt("attempt") + 1);
    }

    /** Seats in the hot section, or in one of the cold ones: a section at random, the next ones if it has none. */
    private static List<String> pick(boolean hot, Random random, int count, Set<String> unavailable) {
        if (hot) {
            return HOT.pick(random, count, unavailable);
        }
        int first = COLD.size() == 1 ? 0 : random.nextInt(COLD.size());
        for (int step = 0; step < COLD.size(); step++) {
            List<String> seats = COLD.get((first + step) % COLD.size()).pick(random, count, unavailable);
            if (!seats.isEmpty()) {
                return seats;
            }
        }
        return List.of();
    }

    private Session recordReservation(Session session) {
        int status = session.contains("status") ? session.getInt("status") : 0;
        long latency = session.contains("latency") ? session.getLong("latency") : 0;
        String kind = status == 201 ? "held" : status == 409 ? "refused" : "error";
        outcomes.record(kind, latency, System.currentTimeMillis());
        Session next = session.set("held", status == 201);
        if (status == 201) {
            holdOrder.reached(session.userId(), System.currentTimeMillis());
        }
        if (status == 409) {
            // the map was behind: this fan now knows which seats are taken
            List<String> taken = new ArrayList<>(session.contains("taken") ? session.getList("taken")
                    : List.<String>of());
            taken.addAll(session.contains("refusedSeats") ? session.getList("refusedSeats")
                    : session.getList("seats"));
            next = next.set("taken", taken).remove("refusedSeats");
        }
        return kind.equals("error") ? next.markAsFailed() : next;
    }

    @Override
    public void before() {
        database.start();
        cpuBefore = ProcessCpu.Reading.now();
    }

    @Override
    public void after() {
        boolean quiet = database.awaitQuiet(); // webhooks of the last payments, projections, sagas
        ProcessCpu.Reading cpuAfter = ProcessCpu.Reading.now();
        database.stop();
        // the sale: from the first reservation attempt to two seconds after the last answer (projections, sagas);
        // payments and cancellations of that time are in it
        long raceStart = outcomes.firstMillis("held", "refused", "error");
        long raceEnd = outcomes.lastMillis("held", "refused", "error") + 2000;
        long transactions = database.between(raceStart, raceEnd);
        long background = Math.round(database.idlePerSecond() * (raceEnd - raceStart) / 1000.0);
        long browsing = outcomes.countBetween("browse", raceStart, raceEnd);
        JsonNode books = boxoffice ? organizer.auditorsVerify(eventId) : organizer.baselineVerify(eventId);
        long held = outcomes.count("held");
        long attempts = held + outcomes.count("refused") + outcomes.count("error");
        double seconds = outcomes.seconds("held", "refused", "error");
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("target", TARGET);
        figures.put("quietAfter", quiet);
        figures.put("eventId", eventId);
        figures.put("fans", FANS);
        figures.put("seats", HOT.rows() * HOT.seatsPerRow()
                + COLD.stream().mapToInt(cold -> cold.rows() * cold.seatsPerRow()).sum());
        figures.put("hotSeats", HOT.rows() * HOT.seatsPerRow());
        figures.put("sections", Stream.concat(Stream.of(HOT), COLD.stream()).map(SeatPicker::section).toList());
        if (!SEAT_SHARDS.isEmpty()) {
            // where the application put each section (each a bucket of its own), by the documented rule
            SeatLayout layout = new SeatLayout(SEAT_SHARDS, Map.of());
            Map<String, List<String>> byShard = new LinkedHashMap<>();
            SEAT_SHARDS.forEach(shard -> byShard.put(shard, new ArrayList<>()));
            Stream.concat(Stream.of(HOT), COLD.stream()).map(SeatPicker::section)
                    .forEach(section -> byShard.get(layout.shardOf(eventId, section)).add(section));
            figures.put("sectionsByShard", byShard);
        }
        figures.put("raceSeconds", round(seconds));
        figures.put("reservationAttempts", attempts);
        figures.put("successfulHolds", held);
        figures.put("refused", outcomes.count("refused"));
        figures.put("errors", outcomes.count("error"));
        figures.put("attemptsPerSecond", round(attempts / Math.max(seconds, 0.001)));
        figures.put("holdsPerSecond", round(held / Math.max(seconds, 0.001)));
        figures.put("latencyAllMs", outcomes.latency("held", "refused", "error"));
        figures.put("latencyHeldMs", outcomes.latency("held"));
        figures.put("latencyRefusedMs", outcomes.latency("refused"));
        figures.put("databaseTransactions", transactions);
        figures.put("idleTransactions", background);
        figures.put("browsingReads", browsing);
        figures.put("transactionsPerHold", held == 0 ? null : round((double) transactions / held));
        figures.put("saleTransactionsPerHold", held == 0 ? null
                : round((double) Math.max(0, transactions - background - browsing) / held));
        figures.put("cpuMsPerHold", cpuBefore.applicationPer(cpuAfter, held));
        figures.put("machineCpuMsPerHold", cpuBefore.machinePer(cpuAfter, held));
        figures.put("paid", outcomes.count("paid"));
        // the last payment the fans saw go through: the sale is over once the books show every seat sold
        figures.put("lastPaymentSeconds", outcomes.count("paid") == 0 ? null
                : round((outcomes.lastMillis("paid") - raceStart) / 1000.0));
        figures.put("failedFans", outcomes.count("failedFan"));
        figures.put("latencyLineMs", outcomes.latency("line"));
        figures.put("admissionOrder", boxoffice ? admissionOrder.summary() : null);
        figures.put("holdOrder", holdOrder.summary());
        figures.put("books", books);
        BenchmarkReport.write(System.getProperty("label", TARGET), figures);
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
