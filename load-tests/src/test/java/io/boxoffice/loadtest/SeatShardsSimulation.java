package io.boxoffice.loadtest;

import com.fasterxml.jackson.databind.SerializationFeature;
import io.boxoffice.api.catalog.SeatLayout;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.responseTimeInMillis;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * Holds a second when an event's seats lie on the application's seat shards ({@code load-tests/shards.sh} runs it
 * against one and against two, in alternating rounds): a venue of {@code -Dsections} (16) sections of
 * {@code -Drows} x {@code -DseatsPerRow} (50 x 50) seats, all of one category and price, each section a bucket of
 * its own; {@code -Dconcurrency} (32) fans in flight (a closed model), each holding 1 or 2 adjacent seats of one
 * section chosen at random, every seat asked for once (nobody competes). A warm-up of {@code -DwarmUpSeconds} (30),
 * then a measured window of {@code -Dseconds} (60) of the same load: at its start and end each seat shard's
 * PostgreSQL is read (transactions of the application's database from pg_stat_database, CPU time of the cluster's
 * processes from /proc), and the application's CPU ({@code -DappPid}). {@code -DseatShards} names the shards in the
 * application's order with their data directories ({@code primary=<dir>,shard-1=<dir>}). Each round writes
 * {@code round-<round>-<K>-shards.json} and the report of all rounds so far, {@code report.md}, to
 * {@code -Dboxoffice.report-dir}.
 */
public class SeatShardsSimulation extends Simulation {

    private static final String BASE_URL = System.getProperty("baseUrl", "http://localhost:8080");
    private static final int CONCURRENCY = Integer.getInteger("concurrency", 32);
    private static final int WARM_UP_SECONDS = Integer.getInteger("warmUpSeconds", 30);
    private static final int SECONDS = Integer.getInteger("seconds", 60);
    private static final int SECTIONS = Integer.getInteger("sections", 16);
    private static final int ROWS = Integer.getInteger("rows", 50);
    private static final int SEATS_PER_ROW = Integer.getInteger("seatsPerRow", 50);
    private static final int FANS = Integer.getInteger("fans", 1000);
    private static final String ROUND = System.getProperty("round", "1");
    private static final Duration IDLE = Duration.ofSeconds(5);

    private final List<Shard> shards = shards(System.getProperty("seatShards", ""));
    private final SeatLayout layout = new SeatLayout(shards.stream().map(Shard::name).toList(), Map.of());
    private final Boxoffice organizer = new Boxoffice(BASE_URL);
    private final List<SeatPicker> pickers = IntStream.rangeClosed(1, SECTIONS)
            .mapToObj(section -> new SeatPicker("S" + section, ROWS, SEATS_PER_ROW)).toList();
    private final String eventId = organizer.event(organizer.venue("Shards Arena", pickers, section -> "STANDARD"),
            "Seat shards (" + shards.size() + ", round " + ROUND + ")", null, Map.of("STANDARD", "49.00"));
    private final List<Section> sections = pickers.stream()
            .map(seats -> new Section(seats, layout.shardOf(eventId, seats.section()))).toList();
    private final List<String> tokens = IntStream.range(0, FANS).mapToObj(i -> organizer.token("shards-" + i))
            .toList();
    private final AtomicInteger nextFan = new AtomicInteger();
    /** Every answer of the run, and those that came within the measured window. */
    private final Outcomes run = new Outcomes();
    private final Outcomes measured = new Outcomes();
    private final Set<String> kinds = ConcurrentHashMap.newKeySet();
    private final AtomicInteger noSeatsLeft = new AtomicInteger();
    private final ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
    private final Map<String, Double> idlePerSecond = new LinkedHashMap<>();
    private volatile long windowStart;
    private volatile long windowEnd;
    private ScheduledFuture<Snapshot> atStart;
    private ScheduledFuture<Snapshot> atEnd;

    {
        HttpProtocolBuilder protocol = http.baseUrl(BASE_URL).acceptHeader("application/json")
                .contentTypeHeader("application/json").shareConnections();
        ScenarioBuilder fans = scenario("uncontended holds over " + shards.size() + " seat shard(s)")
                .exec(this::nextFan)
                .doIfOrElse(session -> session.contains("reservation"))
                .then(exec(http("reserve").post("/api/events/" + eventId + "/reservations")
                        .header("Authorization", "Bearer #{token}")
                        .header("Idempotency-Key", session -> UUID.randomUUID().toString()) // as the page sends
                        .body(StringBody("#{reservation}"))
                        .check(status().saveAs("status"), responseTimeInMillis().saveAs("latency")))
                        .exec(this::answered))
                .orElse(pause(Duration.ofMillis(100))); // every seat asked for: the run goes on idle
        setUp(fans.injectClosed(constantConcurrentUsers(CONCURRENCY).during(WARM_UP_SECONDS + SECONDS)))
                .protocols(protocol);
    }

    private Session nextFan(Session session) {
        Random random = ThreadLocalRandom.current();
        int first = random.nextInt(sections.size());
        int count = 1 + random.nextInt(2);
        for (int step = 0; step < sections.size(); step++) {
            Section section = sections.get((first + step) % sections.size());
            List<String> seats = section.take(count);
            if (!seats.isEmpty()) {
                return session.set("token", tokens.get(nextFan.getAndIncrement() % tokens.size()))
                        .set("shard", section.shard())
                        .set("reservation", "{\"seatIds\":[\"" + String.join("\",\"", seats) + "\"]}");
            }
        }
        noSeatsLeft.incrementAndGet();
        return session;
    }

    private Session answered(Session session) {
        long now = System.currentTimeMillis();
        int status = session.contains("status") ? session.getInt("status") : 0;
        long latency = session.contains("latency") ? session.getLong("latency") : 0;
        String kind = status >= 200 && status < 300 ? "held " + session.getString("shard")
                : "error " + (status == 0 ? "(no answer)" : status);
        kinds.add(kind);
        run.record(kind, latency, now);
        if (now >= windowStart && now <= windowEnd) {
            measured.record(kind, latency, now);
        }
        return session;
    }

    @Override
    public void before() {
        // what the shards do with nobody buying (processors polling every shard): the quietest second of five
        List<Snapshot> idle = LongStream.rangeClosed(0, IDLE.toSeconds())
                .mapToObj(second -> clock.schedule(this::snapshot, second, TimeUnit.SECONDS)).toList().stream()
                .map(SeatShardsSimulation::reading).toList();
        for (Shard shard : shards) {
            idlePerSecond.put(shard.name(), IntStream.range(1, idle.size())
                    .mapToDouble(i -> idle.get(i).perSecond(idle.get(i - 1), shard.name())).min().orElse(0));
        }
        windowStart = System.currentTimeMillis() + WARM_UP_SECONDS * 1000L;
        windowEnd = windowStart + SECONDS * 1000L;
        atStart = clock.schedule(this::snapshot, windowStart - System.currentTimeMillis(), TimeUnit.MILLISECONDS);
        atEnd = clock.schedule(this::snapshot, windowEnd - System.currentTimeMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void after() {
        Snapshot start;
        Snapshot end;
        try {
            start = reading(atStart);
            end = reading(atEnd);
        } finally {
            clock.shutdownNow();
        }
        double seconds = (end.millis() - start.millis()) / 1000.0;
        String[] held = kinds.stream().filter(kind -> kind.startsWith("held ")).toArray(String[]::new);
        String[] errors = kinds.stream().filter(kind -> kind.startsWith("error ")).sorted().toArray(String[]::new);
        long holds = measured.count(held);
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("round", ROUND);
        figures.put("shards", shards.size());
        figures.put("appJava", System.getProperty("appJava"));
        figures.put("concurrency", CONCURRENCY);
        figures.put("warmUpSeconds", WARM_UP_SECONDS);
        figures.put("seconds", SECONDS);
        figures.put("sections", SECTIONS);
        figures.put("seatsPerSection", ROWS * SEATS_PER_ROW);
        figures.put("eventId", eventId);
        figures.put("measuredSeconds", seconds);
        figures.put("holds", holds);
        figures.put("holdsPerSecond", Math.round(10.0 * holds / SECONDS) / 10.0);
        figures.put("errors", measured.count(errors));
        figures.put("errorsInWholeRun", run.count(errors));
        Map<String, Long> errorsByKind = new TreeMap<>();
        for (String kind : errors) {
            errorsByKind.put(kind.substring("error ".length()), run.count(kind));
        }
        figures.put("errorsByStatusInWholeRun", errorsByKind);
        figures.put("holdsInWholeRun", run.count(held));
        figures.put("noSeatsLeft", noSeatsLeft.get());
        figures.put("latencyHeldMs", measured.latency(held));
        List<Map<String, Object>> perShard = new ArrayList<>();
        long transactions = 0;
        long postgresMillis = 0;
        for (Shard shard : shards) {
            ShardReading from = start.shards().get(shard.name());
            ShardReading to = end.shards().get(shard.name());
            long committed = to.committed() - from.committed();
            long cpu = to.cpuMillis() - from.cpuMillis();
            transactions += committed;
            postgresMillis += cpu;
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("name", shard.name());
            one.put("dataDirectory", shard.dataDirectory().toString());
            one.put("sections", sections.stream().filter(section -> section.shard().equals(shard.name())).count());
            one.put("holds", measured.count("held " + shard.name()));
            one.put("transactionsCommitted", committed);
            one.put("transactionsRolledBack", to.rolledBack() - from.rolledBack());
            one.put("transactionsPerSecond", Math.round(committed / seconds));
            one.put("idleTransactionsPerSecond", Math.round(idlePerSecond.get(shard.name())));
            one.put("transactionsPerHold", holds == 0 ? null : Math.round(100.0 * committed / holds) / 100.0);
            one.put("cpuSeconds", cpu / 1000.0);
            one.put("cpuSecondsPer1000Holds", per1000(cpu, holds));
            perShard.add(one);
        }
        figures.put("perShard", perShard);
        figures.put("transactionsPerHold", holds == 0 ? null : Math.round(100.0 * transactions / holds) / 100.0);
        figures.put("postgresCpuSecondsPer1000Holds", per1000(postgresMillis, holds));
        // CPU s per 1,000 holds is CPU ms per hold
        figures.put("jvmCpuSecondsPer1000Holds", start.process().applicationPer(end.process(), holds));
        figures.put("machineCpuSecondsPer1000Holds", start.process().machinePer(end.process(), holds));
        for (Shard shard : shards) {
            shard.close();
        }
        try {
            Files.createDirectories(BenchmarkReport.DIRECTORY);
            Boxoffice.JSON.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValue(BenchmarkReport.DIRECTORY
                    .resolve("round-" + ROUND + "-" + shards.size() + "-shards.json").toFile(), figures);
            String report = SeatShardsReport.write(BenchmarkReport.DIRECTORY);
            System.out.println(report);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Double per1000(long millis, long holds) {
        return millis < 0 || holds <= 0 ? null : Math.round(100.0 * millis / holds) / 100.0;
    }

    private Snapshot snapshot() {
        Map<String, ShardReading> readings = new LinkedHashMap<>();
        long millis = System.currentTimeMillis();
        for (Shard shard : shards) {
            readings.put(shard.name(), shard.read());
        }
        return new Snapshot(millis, readings, ProcessCpu.Reading.now());
    }

    private static Snapshot reading(Future<Snapshot> scheduled) {
        try {
            return scheduled.get(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("a reading of the shards failed", e);
        }
    }


    /** The shards of {@code -DseatShards}: {@code primary=<data directory>,shard-1=<data directory>}. */
    private static List<Shard> shards(String setting) {
        if (setting.isBlank()) {
            throw new IllegalStateException("-DseatShards=primary=<data directory>[,shard-1=<data directory>...] is "
                    + "needed (load-tests/shards.sh passes it)");
        }
        List<Shard> shards = new ArrayList<>();
        for (String shard : setting.split(",")) {
            String[] nameAndDirectory = shard.split("=", 2);
            shards.add(Shard.open(nameAndDirectory[0].strip(), Path.of(nameAndDirectory[1].strip())));
        }
        return shards;
    }

    /** A section's seats, handed out in order, 1 or 2 adjacent in one row, each once. */
    private static final class Section {

        private final SeatPicker seats;
        private final String shard;
        private int row = 1;
        private int next = 1;

        Section(SeatPicker seats, String shard) {
            this.seats = seats;
            this.shard = shard;
        }

        String shard() {
            return shard;
        }

        /** The next {@code count} adjacent seats of a row, or none when the section has no more. */
        synchronized List<String> take(int count) {
            if (next + count - 1 > seats.seatsPerRow()) {
                row++;
                next = 1;
            }
            if (row > seats.rows()) {
                return List.of();
            }
            List<String> taken = IntStream.range(next, next + count)
                    .mapToObj(seat -> SeatPicker.seatId(seats.section(), row, seat)).toList();
            next += count;
            return taken;
        }
    }

    /** One seat shard's PostgreSQL, found by its data directory, read through a connection of its own. */
    private record Shard(String name, Path dataDirectory, Connection connection) {

        static Shard open(String name, Path dataDirectory) {
            try {
                // postmaster.pid: the postmaster's pid, the data directory, its start, then its port
                int port = Integer.parseInt(Files.readAllLines(dataDirectory.resolve("postmaster.pid")).get(3).strip());
                Properties credentials = new Properties();
                credentials.setProperty("user", "postgres");
                return new Shard(name, dataDirectory, DriverManager.getConnection(
                        "jdbc:postgresql://localhost:" + port + "/postgres", credentials));
            } catch (IOException | SQLException e) {
                throw new IllegalStateException("the PostgreSQL of " + name + " in " + dataDirectory
                        + " cannot be read", e);
            }
        }

        /** The application's database's transactions (it is {@code postgres} in the embedded default) and CPU. */
        ShardReading read() {
            try (Statement statement = connection.createStatement();
                 ResultSet row = statement.executeQuery("SELECT xact_commit, xact_rollback FROM pg_stat_database "
                         + "WHERE datname = current_database()")) {
                row.next();
                return new ShardReading(row.getLong(1), row.getLong(2), ProcessCpu.clusterMillis(dataDirectory));
            } catch (SQLException e) {
                throw new IllegalStateException("pg_stat_database of " + name, e);
            }
        }

        void close() {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // the application stops it next
            }
        }
    }

    private record ShardReading(long committed, long rolledBack, long cpuMillis) {
    }

    private record Snapshot(long millis, Map<String, ShardReading> shards, ProcessCpu.Reading process) {

        double perSecond(Snapshot before, String shard) {
            return (shards.get(shard).committed() - before.shards().get(shard).committed()) * 1000.0
                    / Math.max(1, millis - before.millis());
        }
    }
}
