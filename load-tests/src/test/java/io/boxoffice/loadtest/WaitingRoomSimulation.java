package io.boxoffice.loadtest;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.repeat;
import static io.gatling.javaapi.core.CoreDsl.responseTimeInMillis;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;

/**
 * The waiting room under an on-sale's arrival: {@code -DqueuedFans} (100,000) signed-in fans join at {@code -DjoinRate} a
 * second, each then follows the line {@code -Dchecks} times, as the page does (the shared, cacheable line; no cache
 * in between here, so every check reaches the application). One seat and one fan in the flow at a time, so everyone
 * else stays queued: at the end, all of them are held in the queue at once. Writes
 * {@code target/flash-sale/waiting-room.json}; {@code load-tests/run.sh} then measures the two calls' capacity alone.
 */
public class WaitingRoomSimulation extends Simulation {

    private static final String BASE_URL = System.getProperty("baseUrl", "http://localhost:8080");
    private static final int FANS = Integer.getInteger("queuedFans", 100_000);
    private static final int RATE = Integer.getInteger("joinRate", 2_000);
    private static final int CHECKS = Integer.getInteger("checks", 3);

    private final Boxoffice organizer = new Boxoffice(BASE_URL);
    private final String eventId = organizer.event(organizer.venue("Queue Hall", new SeatPicker("H", 1, 1),
            new SeatPicker("C", 1, 1)), "Waiting room load", Map.of("maxFansInFlow", 1));
    private final Outcomes outcomes = new Outcomes();
    private final AtomicLong longestQueue = new AtomicLong();

    {
        HttpProtocolBuilder protocol = http.baseUrl(BASE_URL).acceptHeader("application/json")
                .contentTypeHeader("application/json").shareConnections()
                .disableCaching(); // every check reaches the application: its capacity is what is measured
        String path = "/api/events/" + eventId + "/waiting-room";
        ScenarioBuilder fans = scenario("waiting room")
                .exec(session -> session.set("token", FanTokens.mint("queued-fan-" + session.userId())))
                .exec(http("join").post(path).header("Authorization", "Bearer #{token}")
                        .check(responseTimeInMillis().saveAs("latency"),
                                jsonPath("$.queueLength").ofLong().optional().saveAs("queueLength")))
                .exec(session -> record(session, "join"))
                .exec(repeat(CHECKS).on(exec(http("position check").get(path + "/line")
                        .check(responseTimeInMillis().saveAs("latency")))
                        .exec(session -> record(session, "check"))));
        setUp(fans.injectOpen(constantUsersPerSec(RATE).during(Math.max(1, FANS / RATE)))).protocols(protocol);
    }

    private Session record(Session session, String kind) {
        if (!session.contains("latency")) {
            return session; // no answer (timed out): Gatling counts it as an error
        }
        outcomes.record(kind, session.getLong("latency"), System.currentTimeMillis());
        if (session.contains("queueLength")) {
            longestQueue.accumulateAndGet(session.getLong("queueLength"), Math::max);
        }
        return session;
    }

    @Override
    public void after() {
        double seconds = Math.max(outcomes.seconds("join", "check"), 0.001);
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("eventId", eventId);
        figures.put("queued", longestQueue.get());
        figures.put("seconds", Math.round(seconds * 10) / 10.0);
        figures.put("joinsPerSecond", Math.round(outcomes.count("join") / seconds));
        figures.put("checksPerSecond", Math.round(outcomes.count("check") / seconds));
        figures.put("joinMs", outcomes.latency("join"));
        figures.put("checkMs", outcomes.latency("check"));
        BenchmarkReport.write("waiting-room", figures);
    }
}
