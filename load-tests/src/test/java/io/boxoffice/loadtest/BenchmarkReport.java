package io.boxoffice.loadtest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The load tests' figures: each run writes {@code target/flash-sale/<name>.json}; the report
 * {@code target/flash-sale/report.md} puts whatever runs exist side by side (with the raw limits that
 * {@code run.sh} measured, if any) and is printed at the end of each run.
 */
public final class BenchmarkReport {

    static final Path DIRECTORY = Path.of(System.getProperty("boxoffice.report-dir", "target/flash-sale"));

    private BenchmarkReport() {
    }

    public static void write(String name, Map<String, Object> figures) {
        try {
            Files.createDirectories(DIRECTORY);
            Boxoffice.JSON.enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValue(DIRECTORY.resolve(name + ".json").toFile(), figures);
            String report = report();
            Files.writeString(DIRECTORY.resolve("report.md"), report);
            System.out.println(report);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String report() throws IOException {
        JsonNode boxoffice = read("boxoffice");
        JsonNode baseline = read("baseline");
        JsonNode room = read("waiting-room");
        JsonNode raw = read("raw-limits");
        List<String> lines = new ArrayList<>();
        lines.add("# Flash sale: Boxoffice and the naive baseline");
        lines.add("");
        if (boxoffice != null || baseline != null) {
            sideBySide(lines);
            row(lines, "fans / seats (hot section)", boxoffice, baseline,
                    run -> run.path("fans").asText() + " / " + run.path("seats").asText() + " ("
                            + run.path("hotSeats").asText() + ")");
            row(lines, "reservation attempts (race lasted, s)", boxoffice, baseline,
                    run -> run.path("reservationAttempts").asText() + " (" + run.path("raceSeconds").asText() + ")");
            row(lines, "reservation attempts/s", boxoffice, baseline, run -> run.path("attemptsPerSecond").asText());
            row(lines, "successful holds/s", boxoffice, baseline, run -> run.path("holdsPerSecond").asText());
            row(lines, "holds / refused / errors", boxoffice, baseline, run -> run.path("successfulHolds").asText()
                    + " / " + run.path("refused").asText() + " / " + run.path("errors").asText());
            row(lines, "latency, all attempts p50 / p95 / p99 (ms)", boxoffice, baseline,
                    run -> percentiles(run.path("latencyAllMs")));
            heldAndRefusedLatency(lines, boxoffice, baseline);
            row(lines, "database transactions per successful hold during the sale (holds, refusals, payments, "
                    + "cancellations, projections, sagas)", boxoffice, baseline,
                    run -> run.path("saleTransactionsPerHold").asText());
            row(lines, "the same with idle polling and map loads", boxoffice, baseline,
                    run -> run.path("transactionsPerHold").asText() + " (" + run.path("databaseTransactions").asText()
                            + " = " + run.path("idleTransactions").asText() + " idle + "
                            + run.path("browsingReads").asText() + " map loads + the rest)");
            row(lines, "books after the run", boxoffice, baseline, BenchmarkReport::books);
            lines.add("");
        }
        if (room != null) {
            lines.add("Waiting room: " + room.path("queued").asText() + " fans queued at once on one node; joins "
                    + room.path("joinsPerSecond").asText() + "/s (p50 / p95 / p99 " + percentiles(room.path("joinMs"))
                    + " ms), position checks " + room.path("checksPerSecond").asText() + "/s (p50 / p95 / p99 "
                    + percentiles(room.path("checkMs")) + " ms), over " + room.path("seconds").asText() + " s.");
            lines.add("");
        }
        for (String target : new String[]{"boxoffice", "baseline"}) {
            JsonNode saturated = read("capacity-saturate-" + target);
            JsonNode at80 = read("capacity-at80-" + target);
            if (saturated != null) {
                lines.add("Reservation capacity, " + target + " (one uncontended seat a request): "
                        + saturated.path("holdsPerSecond").asText() + " holds/s with "
                        + saturated.path("concurrency").asText() + " in flight (p50 / p95 / p99 "
                        + percentiles(saturated.path("latencyMs")) + " ms), "
                        + saturated.path("transactionsPerHold").asText() + " database transactions per hold"
                        + (at80 == null ? "." : "; at 80% of it (" + at80.path("offeredPerSecond").asText()
                        + " arrivals/s): " + at80.path("holdsPerSecond").asText() + " holds/s, p50 / p95 / p99 "
                        + percentiles(at80.path("latencyMs")) + " ms."));
                lines.add("");
            }
        }
        JsonNode hotBoxoffice = read("capacity-hot-boxoffice");
        JsonNode hotBaseline = read("capacity-hot-baseline");
        if (hotBoxoffice != null || hotBaseline != null) {
            lines.add("A hot section (1,000 seats, 1 to 4 a request at random, no payments):");
            lines.add("");
            sideBySide(lines);
            row(lines, "attempts/s, holds/s", hotBoxoffice, hotBaseline, run -> run.path("attemptsPerSecond").asText()
                    + ", " + run.path("holdsPerSecond").asText());
            row(lines, "holds / refused / other", hotBoxoffice, hotBaseline, run -> run.path("holds").asText()
                    + " / " + run.path("refused").asText() + " / " + run.path("notHeld").asText());
            heldAndRefusedLatency(lines, hotBoxoffice, hotBaseline);
            row(lines, "database transactions per successful hold (idle polling taken off)", hotBoxoffice,
                    hotBaseline, run -> run.path("transactionsPerHold").asText());
            row(lines, "books after the run", hotBoxoffice, hotBaseline, BenchmarkReport::books);
            lines.add("");
        }
        if (raw != null) {
            lines.add("Raw limits in the same run: redis-benchmark SET NX " + raw.path("redisSetNxPerSecond").asText()
                    + "/s; pgbench single-row insert at 32 clients " + raw.path("pgbenchInsertsPerSecond").asText()
                    + " transactions/s.");
        }
        return String.join("\n", lines) + "\n";
    }

    private static JsonNode read(String name) throws IOException {
        Path file = DIRECTORY.resolve(name + ".json");
        return Files.exists(file) ? Boxoffice.JSON.readTree(file.toFile()) : null;
    }

    private static void sideBySide(List<String> lines) {
        lines.add("| | Boxoffice | naive baseline |");
        lines.add("|---|---|---|");
    }

    private static void heldAndRefusedLatency(List<String> lines, JsonNode boxoffice, JsonNode baseline) {
        row(lines, "latency, successful p50 / p95 / p99 (ms)", boxoffice, baseline,
                run -> percentiles(run.path("latencyHeldMs")));
        row(lines, "latency, refused p50 / p95 / p99 (ms)", boxoffice, baseline,
                run -> percentiles(run.path("latencyRefusedMs")));
    }

    private static void row(List<String> lines, String label, JsonNode boxoffice, JsonNode baseline,
                            Function<JsonNode, String> cell) {
        lines.add("| " + label + " | " + (boxoffice == null ? "–" : cell.apply(boxoffice)) + " | "
                + (baseline == null ? "–" : cell.apply(baseline)) + " |");
    }

    private static String percentiles(JsonNode latency) {
        return latency.path("count").asInt() == 0 ? "–" : latency.path("p50").asText() + " / "
                + latency.path("p95").asText() + " / " + latency.path("p99").asText();
    }

    private static String books(JsonNode run) {
        JsonNode books = run.path("books");
        if (books.has("violations") && books.path("violations").isArray()) {
            return books.path("violations").size() == 0 ? "auditors' verify: clean"
                    : "auditors' verify: " + books.path("violations").size() + " violations";
        }
        return books.path("violations").asLong() == 0 ? "seat table consistent"
                : books.path("violations").asText() + " inconsistent seats";
    }
}
