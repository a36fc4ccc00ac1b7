package io.boxoffice.loadtest;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.responseTimeInMillis;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * How many holds a second Boxoffice ({@code -Dtarget=boxoffice}) or the baseline grants, how fast, and at what cost
 * in database transactions. When nobody competes for a seat: {@code -Dphase=saturate} keeps {@code -Dconcurrency}
 * (32) reservations in flight for {@code -Dseconds} (20) and measures the maximum, each taking one seat nobody else
 * wants from a 20,000-seat section; {@code -Dphase=at80} then offers 80% of that maximum as arrivals a second and
 * measures the latency. Under a hot section: {@code -Dphase=hot} keeps as many in flight, each asking for 1 to 4
 * adjacent seats at random among the same 1,000 until the run ends, so that most attempts are refused, and counts
 * what holds and refusals cost the database; the books are checked afterwards.
 */
public class ReservationCapacitySimulation extends Simulation {

    private static final String BASE_URL = System.getProperty("baseUrl", "http://localhost:8080");
    private static final String PHASE = System.getProperty("phase", "saturate");
    private static final int CONCURRENCY = Integer.getInteger("concurrency", 32);
    private static final int SECONDS = Integer.getInteger("seconds", 20);
    private static final SeatPicker SECTION = new SeatPicker("C", 200, 100);
    /** The first ten rows of the section, for the hot phase. */
    private static final SeatPicker HOT = new SeatPicker("C", 10, 100);
    private static final String TARGET = System.getProperty("target", "boxoffice");
    /** Of alternating saturating rounds (run.sh runs three of each design): kept apart, the last also as the maximum. */
    private static final String ROUND = System.getProperty("round");

    private final Boxoffice organizer = new Boxoffice(BASE_URL);
    private final String eventId = organizer.event(organizer.venue("Capacity Dome", new SeatPicker("H", 1, 1),
            SECTION), "Capacity (" + PHASE + ")", null);
    private final List<String> tokens = IntStream.range(0, 200).mapToObj(i -> organizer.token("capacity-" + i))
            .toList();
    private final AtomicInteger nextSeat = new AtomicInteger();
    private final boolean hot = PHASE.equals("hot");
    private final Outcomes outcomes = new Outcomes();
    private final DatabaseCounter database = new DatabaseCounter(organizer);
    private ProcessCpu.Reading cpuBefore;

    {
        boolean baseline = TARGET.equals("baseline");
        if (baseline) {
            organizer.baselineSeats(eventId);
        }
        HttpProtocolBuilder protocol = http.baseUrl(BASE_URL).acceptHeader("application/json")
                .contentTypeHeader("application/json").shareConnections();
        ScenarioBuilder fans = scenario((hot ? "a hot section" : "uncontended holds") + " (" + TARGET + ", "
                + PHASE + ")")
                .exec(this::nextFan)
                .exec(http("reserve").post((baseline ? "/api/baseline" : "/api") + "/events/" + eventId + "/reservations")
                        .header("Authorization", "Bearer #{token}")
                        .header("Idempotency-Key", session -> UUID.randomUUID().toString()) // as the page sends
                        .body(StringBody("#{reservation}"))
                        .check(status().saveAs("status"), responseTimeInMillis().saveAs("latency")))
                .exec(session -> {
                    int status = session.getInt("status");
                    outcomes.record(status == 201 ? "held" : status == 409 ? "refused" : "other",
                            session.getLong("latency"), System.currentTimeMillis());
                    return session;
                });
        if (PHASE.equals("at80")) {
            double rate = 0.8 * saturated();
            setUp(fans.injectOpen(constantUsersPerSec(rate).during(SECONDS))).protocols(protocol);
        } else {
            setUp(fans.injectClosed(constantConcurrentUsers(CONCURRENCY).during(SECONDS))).protocols(protocol);
        }
    }

    private Session nextFan(Session session) {
        int seat = nextSeat.getAndIncrement();
        Random random = ThreadLocalRandom.current();
        List<String> seats = hot ? HOT.pick(random, 1 + random.nextInt(4), Set.of())
                : List.of(SeatPicker.seatId("C", 1 + seat / SECTION.seatsPerRow() % SECTION.rows(),
                1 + seat % SECTION.seatsPerRow()));
        return session.set("token", tokens.get(seat % tokens.size()))
                .set("reservation", "{\"seatIds\":[\"" + String.join("\",\"", seats) + "\"]}");
    }

    /** Holds a second that the saturating run measured. */
    private static double saturated() {
        try {
            return Boxoffice.JSON.readTree(BenchmarkReport.DIRECTORY.resolve("capacity-saturate-" + TARGET + ".json")
                            .toFile())
                    .path("holdsPerSecond").asDouble();
        } catch (IOException e) {
            throw new UncheckedIOException("run -Dphase=saturate first", e);
        }
    }

    @Override
    public void before() {
        database.start();
        cpuBefore = ProcessCpu.Reading.now();
    }

    @Override
    public void after() {
        boolean quiet = database.awaitQuiet(); // the projections and sagas of the last holds
        ProcessCpu.Reading cpuAfter = ProcessCpu.Reading.now();
        database.stop();
        long from = outcomes.firstMillis("held", "refused", "other");
        long to = outcomes.lastMillis("held", "refused", "other") + 2000;
        long transactions = database.between(from, to) - Math.round(database.idlePerSecond() * (to - from) / 1000.0);
        double seconds = Math.max(outcomes.seconds("held", "refused", "other"), 0.001);
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("phase", PHASE);
        figures.put("quietAfter", quiet);
        figures.put("concurrency", PHASE.equals("at80") ? null : CONCURRENCY);
        figures.put("offeredPerSecond", PHASE.equals("at80") ? Math.round(0.8 * saturated()) : null);
        figures.put("holdsPerSecond", Math.round(outcomes.count("held") / seconds));
        figures.put("attemptsPerSecond", Math.round(outcomes.count("held", "refused", "other") / seconds));
        figures.put("holds", outcomes.count("held"));
        figures.put("refused", outcomes.count("refused"));
        figures.put("notHeld", outcomes.count("other"));
        figures.put("latencyMs", outcomes.latency("held", "refused", "other"));
        figures.put("latencyHeldMs", outcomes.latency("held"));
        figures.put("latencyRefusedMs", outcomes.latency("refused"));
        figures.put("transactionsPerHold", outcomes.count("held") == 0 ? null
                : Math.round(100.0 * transactions / outcomes.count("held")) / 100.0);
        // all the application's work for them, the asynchronous projections and sagas included
        figures.put("cpuMsPerHold", cpuBefore.applicationPer(cpuAfter, outcomes.count("held")));
        figures.put("machineCpuMsPerHold", cpuBefore.machinePer(cpuAfter, outcomes.count("held")));
        figures.put("cpuMsPerAttempt", cpuBefore.applicationPer(cpuAfter, outcomes.count("held", "refused", "other")));
        if (hot) {
            figures.put("books", TARGET.equals("baseline") ? organizer.baselineVerify(eventId)
                    : organizer.auditorsVerify(eventId));
        }
        if (ROUND != null) {
            figures.put("round", ROUND);
            BenchmarkReport.write("capacity-" + PHASE + "-" + TARGET + "-r" + ROUND, figures);
        }
        BenchmarkReport.write("capacity-" + PHASE + "-" + TARGET, figures);
    }
}
