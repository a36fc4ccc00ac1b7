package io.boxoffice.loadtest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
        JsonNode raw = read("raw-limits");
        List<String> lines = new ArrayList<>();
        lines.add("# Java " + System.getProperty("appJava", "?") + ": Boxoffice and the naive baseline");
        lines.add("");
        if (raw != null) {
            lines.add("Raw limits in the same run: redis-benchmark SET NX " + raw.path("redisSetNxPerSecond").asText()
                    + "/s; pgbench single-row insert at 32 clients " + raw.path("pgbenchInsertsPerSecond").asText()
                    + " transactions/s.");
            lines.add("");
        }
        capacity(lines);
        hotSection(lines);
        sale(lines, "(b) The flash sale, the same payment steps for both", read("boxoffice"), read("baseline"));
        sale(lines, "(c) A crowd: 20,000 fans for 2,000 seats, every fan holding seats pays", read("crowd-boxoffice"),
                read("crowd-baseline"));
        JsonNode room = read("waiting-room");
        if (room != null) {
            lines.add("Waiting room: " + room.path("queued").asText() + " fans queued at once on one node; joins "
                    + room.path("joinsPerSecond").asText() + "/s (p50 / p95 / p99 " + percentiles(room.path("joinMs"))
                    + " ms), position checks " + room.path("checksPerSecond").asText() + "/s (p50 / p95 / p99 "
                    + percentiles(room.path("checkMs")) + " ms), over " + room.path("seconds").asText() + " s.");
            lines.add("");
        }
        return String.join("\n", lines) + "\n";
    }

    /** (a) uncontended: the alternating rounds side by side, their ratio, then 80% of each one's maximum. */
    private static void capacity(List<String> lines) throws IOException {
        List<JsonNode[]> rounds = new ArrayList<>();
        for (int round = 1; read("capacity-saturate-boxoffice-r" + round) != null; round++) {
            rounds.add(new JsonNode[]{read("capacity-saturate-boxoffice-r" + round),
                    read("capacity-saturate-baseline-r" + round)});
        }
        if (rounds.isEmpty()) {
            return;
        }
        lines.add("## (a) The reservation path alone, uncontended (one seat nobody else wants a request, an "
                + "Idempotency-Key on each)");
        lines.add("");
        lines.add("| round | Boxoffice holds/s (p50 / p95 / p99 ms) | baseline holds/s (p50 / p95 / p99 ms) | ratio "
                + "| transactions per hold | application CPU ms per hold | whole machine's CPU ms per hold |");
        lines.add("|---|---|---|---|---|---|---|");
        for (int round = 0; round < rounds.size(); round++) {
            JsonNode ours = rounds.get(round)[0];
            JsonNode theirs = rounds.get(round)[1];
            String ratio = theirs == null || theirs.path("holdsPerSecond").asDouble() == 0 ? "–"
                    : String.format(Locale.ROOT, "%.2f", ours.path("holdsPerSecond").asDouble()
                    / theirs.path("holdsPerSecond").asDouble());
            lines.add("| " + (round + 1) + " | " + ours.path("holdsPerSecond").asText() + " ("
                    + percentiles(ours.path("latencyMs")) + ") | "
                    + (theirs == null ? "–" : theirs.path("holdsPerSecond").asText() + " ("
                    + percentiles(theirs.path("latencyMs")) + ")") + " | " + ratio + " | "
                    + ours.path("transactionsPerHold").asText() + " / "
                    + (theirs == null ? "–" : theirs.path("transactionsPerHold").asText()) + " | "
                    + ours.path("cpuMsPerHold").asText() + " / "
                    + (theirs == null ? "–" : theirs.path("cpuMsPerHold").asText()) + " | "
                    + ours.path("machineCpuMsPerHold").asText() + " / "
                    + (theirs == null ? "–" : theirs.path("machineCpuMsPerHold").asText()) + " |");
        }
        lines.add("");
        for (String target : new String[]{"boxoffice", "baseline"}) {
            JsonNode at80 = read("capacity-at80-" + target);
            if (at80 != null) {
                lines.add("- " + target + " at 80% of its maximum (" + at80.path("offeredPerSecond").asText()
                        + " arrivals/s): " + at80.path("holdsPerSecond").asText() + " holds/s, p50 / p95 / p99 "
                        + percentiles(at80.path("latencyMs")) + " ms, " + at80.path("transactionsPerHold").asText()
                        + " transactions and " + at80.path("cpuMsPerHold").asText() + " CPU ms per hold ("
                        + at80.path("machineCpuMsPerHold").asText() + " of the whole machine)");
            }
        }
        lines.add("");
    }

    private static void hotSection(List<String> lines) throws IOException {
        JsonNode ours = read("capacity-hot-boxoffice");
        JsonNode theirs = read("capacity-hot-baseline");
        if (ours == null && theirs == null) {
            return;
        }
        lines.add("## (a) A hot section (1,000 seats, 1 to 4 a request at random, no payments)");
        lines.add("");
        sideBySide(lines);
        row(lines, "attempts/s, holds/s", ours, theirs, run -> run.path("attemptsPerSecond").asText()
                + ", " + run.path("holdsPerSecond").asText());
        row(lines, "holds / refused / other", ours, theirs, run -> run.path("holds").asText()
                + " / " + run.path("refused").asText() + " / " + run.path("notHeld").asText());
        heldAndRefusedLatency(lines, ours, theirs);
        row(lines, "database transactions per successful hold (idle polling taken off)", ours, theirs,
                run -> run.path("transactionsPerHold").asText());
        row(lines, "application CPU ms per attempt / per successful hold; the whole machine's per hold", ours, theirs,
                run -> run.path("cpuMsPerAttempt").asText() + " / " + run.path("cpuMsPerHold").asText() + "; "
                        + run.path("machineCpuMsPerHold").asText());
        row(lines, "books after the run", ours, theirs, BenchmarkReport::books);
        lines.add("");
    }

    private static void sale(List<String> lines, String title, JsonNode boxoffice, JsonNode baseline) {
        if (boxoffice == null && baseline == null) {
            return;
        }
        lines.add("## " + title);
        lines.add("");
        sideBySide(lines);
        row(lines, "fans / seats (hot section)", boxoffice, baseline,
                run -> run.path("fans").asText() + " / " + run.path("seats").asText() + " ("
                        + run.path("hotSeats").asText() + ")");
        row(lines, "reservation attempts (the race lasted, s)", boxoffice, baseline,
                run -> run.path("reservationAttempts").asText() + " (" + run.path("raceSeconds").asText() + ")");
        row(lines, "successful holds/s", boxoffice, baseline, run -> run.path("holdsPerSecond").asText());
        row(lines, "holds / refused / errors / fans who met a failure", boxoffice, baseline,
                run -> run.path("successfulHolds").asText() + " / " + run.path("refused").asText() + " / "
                        + run.path("errors").asText() + " / " + run.path("failedFans").asText());
        row(lines, "payments / seats sold / last payment after (s)", boxoffice, baseline,
                run -> run.path("paid").asText() + " / " + sold(run) + " / " + run.path("lastPaymentSeconds").asText());
        row(lines, "latency, all attempts p50 / p95 / p99 (ms)", boxoffice, baseline,
                run -> percentiles(run.path("latencyAllMs")));
        heldAndRefusedLatency(lines, boxoffice, baseline);
        row(lines, "queued fans' line checks p50 / p95 / p99 (ms)", boxoffice, baseline,
                run -> percentiles(run.path("latencyLineMs")));
        row(lines, "database transactions per successful hold during the sale (holds, refusals, payments, "
                + "cancellations, projections, sagas)", boxoffice, baseline,
                run -> run.path("saleTransactionsPerHold").asText());
        row(lines, "the same with idle polling and map loads", boxoffice, baseline,
                run -> run.path("transactionsPerHold").asText() + " (" + run.path("databaseTransactions").asText()
                        + " = " + run.path("idleTransactions").asText() + " idle + "
                        + run.path("browsingReads").asText() + " map loads + the rest)");
        row(lines, "CPU ms per successful hold: the application (everything it did in the sale) / the whole machine",
                boxoffice, baseline, run -> run.path("cpuMsPerHold").asText() + " / "
                        + run.path("machineCpuMsPerHold").asText());
        row(lines, "fairness: admission order against arrival, mean displacement (share of fans) / p95 (places)",
                boxoffice, baseline, BenchmarkReport::admissionFairness);
        row(lines, "fairness: order of holds against arrival, mean displacement (share of fans) / p95 (places)",
                boxoffice, baseline, run -> fairness(run.path("holdOrder")));
        row(lines, "books after the run", boxoffice, baseline, BenchmarkReport::books);
        lines.add("");
    }

    private static String admissionFairness(JsonNode run) {
        return run.path("admissionOrder").isNull() || run.path("admissionOrder").isMissingNode()
                ? "no waiting room" : fairness(run.path("admissionOrder"));
    }

    private static String fairness(JsonNode order) {
        return order.path("fans").asInt() == 0 ? "–" : order.path("meanDisplacementShare").asText() + " / "
                + order.path("p95DisplacementPlaces").asText() + " (" + order.path("fans").asText() + " fans)";
    }

    private static String sold(JsonNode run) {
        JsonNode books = run.path("books");
        return books.has("seatsByStatus") ? books.path("seatsByStatus").path("SOLD").asText("0")
                : books.path("sold").asText("0");
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
        String busy = run.path("quietAfter").asBoolean(true) ? "" : " (the database was still busy two minutes after "
                + "the end: the transaction counts include what it worked off)";
        return verdict(run.path("books")) + busy;
    }

    private static String verdict(JsonNode books) {
        if (books.has("violations") && books.path("violations").isArray()) {
            return books.path("violations").size() == 0 ? "auditors' verify: clean"
                    : "auditors' verify: " + books.path("violations").size() + " violations";
        }
        return books.path("violations").asLong() == 0 ? "seat table consistent"
                : books.path("violations").asText() + " inconsistent seats";
    }
}
