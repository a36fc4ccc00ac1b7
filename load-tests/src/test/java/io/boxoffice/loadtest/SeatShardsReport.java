package io.boxoffice.loadtest;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.DoubleSummaryStatistics;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import java.util.stream.Stream;

/**
 * {@code report.md} of {@link SeatShardsSimulation}'s rounds ({@code round-<round>-<K>-shards.json} in one
 * directory): each round, then each configuration's range over its rounds and the ratio of two shards to one.
 */
final class SeatShardsReport {

    private SeatShardsReport() {
    }

    /** Writes the report of the rounds in {@code directory} and returns it. */
    static String write(Path directory) throws IOException {
        List<JsonNode> rounds = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(file -> file.getFileName().toString().matches("round-.*-shards\\.json"))
                    .toList()) {
                rounds.add(Boxoffice.JSON.readTree(file.toFile()));
            }
        }
        rounds.sort(Comparator.comparingInt((JsonNode round) -> round.path("round").asInt())
                .thenComparingInt(round -> round.path("shards").asInt()));
        String report = String.join("\n", lines(rounds)) + "\n";
        Files.writeString(directory.resolve("report.md"), report);
        return report;
    }

    private static List<String> lines(List<JsonNode> rounds) {
        List<String> lines = new ArrayList<>();
        lines.add("# Seat shards: holds per second with one and with two shards on this machine");
        lines.add("");
        if (rounds.isEmpty()) {
            lines.add("No round has finished.");
            return lines;
        }
        JsonNode first = rounds.get(0);
        lines.add("Each round on a fresh application (extracted jar, embedded PostgreSQL per shard and Redis, Java "
                + first.path("appJava").asText("?") + "): a venue of " + first.path("sections").asText()
                + " sections of " + String.format(Locale.ROOT, "%,d", first.path("seatsPerSection").asInt())
                + " seats (one category, one price, a bucket each); " + first.path("concurrency").asText()
                + " fans in flight (closed model), each holding 1–2 adjacent seats of one section chosen at random, "
                + "every seat asked for once; a warm-up of " + first.path("warmUpSeconds").asText()
                + " s, then " + first.path("seconds").asText() + " s measured. Per shard: xact_commit of the "
                + "application's database (pg_stat_database) and the CPU time of the cluster's processes "
                + "(postmaster, its children, and its reaped children), both read at the measured window's start and "
                + "end. CPU s per 1,000 holds is CPU ms per hold; the JVM is the application's process, the machine "
                + "all of it (Gatling included).");
        lines.add("");
        lines.add("| round | shards | holds/s | errors | held p50 / p99 ms | sections (holds) per shard "
                + "| primary xact/s | primary CPU s / 1,000 holds | shard-1 xact/s | shard-1 CPU s / 1,000 holds "
                + "| PostgreSQL CPU s / 1,000 holds, all shards | JVM CPU s / 1,000 holds "
                + "| machine CPU s / 1,000 holds |");
        lines.add("|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        for (JsonNode round : rounds) {
            JsonNode primary = shard(round, 0);
            JsonNode second = shard(round, 1);
            List<String> split = new ArrayList<>();
            round.path("perShard").forEach(shard -> split.add(shard.path("sections").asText() + " ("
                    + shard.path("holds").asText() + ")"));
            lines.add("| " + round.path("round").asText() + " | " + round.path("shards").asText() + " | "
                    + round.path("holdsPerSecond").asText() + " | " + errors(round) + " | "
                    + round.path("latencyHeldMs").path("p50").asText("–") + " / "
                    + round.path("latencyHeldMs").path("p99").asText("–") + " | " + String.join(" / ", split)
                    + " | " + text(primary, "transactionsPerSecond") + " | " + text(primary, "cpuSecondsPer1000Holds")
                    + " | " + text(second, "transactionsPerSecond") + " | " + text(second, "cpuSecondsPer1000Holds")
                    + " | " + round.path("postgresCpuSecondsPer1000Holds").asText() + " | "
                    + round.path("jvmCpuSecondsPer1000Holds").asText() + " | "
                    + round.path("machineCpuSecondsPer1000Holds").asText() + " |");
        }
        lines.add("");
        List<JsonNode> one = rounds.stream().filter(round -> round.path("shards").asInt() == 1).toList();
        List<JsonNode> two = rounds.stream().filter(round -> round.path("shards").asInt() == 2).toList();
        lines.add("## Summary: min–max (mean) over " + one.size() + " round(s) with one shard and " + two.size()
                + " with two");
        lines.add("");
        lines.add("| | one shard | two shards | two / one (of the means; range: worst–best pairing) |");
        lines.add("|---|---|---|---|");
        summary(lines, "holds/s", one, two, round -> round.path("holdsPerSecond").asDouble(), true);
        lines.add("| errors in the measured windows (whole runs) | " + errorTotals(one) + " | " + errorTotals(two)
                + " | |");
        summary(lines, "transactions per hold, all shards", one, two,
                round -> round.path("transactionsPerHold").asDouble(), false);
        summary(lines, "primary: xact/s", one, two, round -> shard(round, 0).path("transactionsPerSecond")
                .asDouble(), false);
        summary(lines, "shard-1: xact/s", one, two, round -> shard(round, 1) == null ? Double.NaN
                : shard(round, 1).path("transactionsPerSecond").asDouble(), false);
        summary(lines, "idle xact/s before the load: primary", one, two,
                round -> shard(round, 0).path("idleTransactionsPerSecond").asDouble(), false);
        summary(lines, "idle xact/s before the load: shard-1", one, two, round -> shard(round, 1) == null
                ? Double.NaN : shard(round, 1).path("idleTransactionsPerSecond").asDouble(), false);
        summary(lines, "primary: CPU s / 1,000 holds", one, two,
                round -> shard(round, 0).path("cpuSecondsPer1000Holds").asDouble(), false);
        summary(lines, "shard-1: CPU s / 1,000 holds", one, two, round -> shard(round, 1) == null ? Double.NaN
                : shard(round, 1).path("cpuSecondsPer1000Holds").asDouble(), false);
        summary(lines, "PostgreSQL CPU s / 1,000 holds, all shards", one, two,
                round -> round.path("postgresCpuSecondsPer1000Holds").asDouble(), false);
        summary(lines, "JVM CPU s / 1,000 holds", one, two,
                round -> round.path("jvmCpuSecondsPer1000Holds").asDouble(Double.NaN), false);
        summary(lines, "machine CPU s / 1,000 holds", one, two,
                round -> round.path("machineCpuSecondsPer1000Holds").asDouble(Double.NaN), false);
        lines.add("");
        return lines;
    }

    /** A row of min–max (mean) for each configuration, and the ratio of the means (with its range if asked). */
    private static void summary(List<String> lines, String label, List<JsonNode> one, List<JsonNode> two,
                                ToDoubleFunction<JsonNode> figure, boolean ratioRange) {
        DoubleSummaryStatistics ones = stats(one, figure);
        DoubleSummaryStatistics twos = stats(two, figure);
        String ratio = "–";
        if (ones.getCount() > 0 && twos.getCount() > 0 && ones.getAverage() != 0) {
            ratio = String.format(Locale.ROOT, "%.2f", twos.getAverage() / ones.getAverage());
            if (ratioRange && ones.getMin() > 0) {
                ratio += String.format(Locale.ROOT, " (%.2f–%.2f)", twos.getMin() / ones.getMax(),
                        twos.getMax() / ones.getMin());
            }
        }
        lines.add("| " + label + " | " + range(ones) + " | " + range(twos) + " | " + ratio + " |");
    }

    private static DoubleSummaryStatistics stats(List<JsonNode> rounds, ToDoubleFunction<JsonNode> figure) {
        return rounds.stream().mapToDouble(figure).filter(value -> !Double.isNaN(value)).summaryStatistics();
    }

    private static String range(DoubleSummaryStatistics stats) {
        return stats.getCount() == 0 ? "–" : String.format(Locale.ROOT, "%s–%s (%s)", number(stats.getMin()),
                number(stats.getMax()), number(stats.getAverage()));
    }

    private static String number(double value) {
        return Math.abs(value) >= 100 ? String.format(Locale.ROOT, "%.0f", value)
                : String.format(Locale.ROOT, "%.2f", value);
    }

    private static String errors(JsonNode round) {
        String text = round.path("errors").asText() + " (" + round.path("errorsInWholeRun").asText() + ")";
        JsonNode byStatus = round.path("errorsByStatusInWholeRun");
        if (byStatus.size() > 0) {
            List<String> kinds = new ArrayList<>();
            byStatus.fields().forEachRemaining(kind -> kinds.add(kind.getValue().asText() + "× " + kind.getKey()));
            text += ": " + String.join(", ", kinds);
        }
        if (round.path("noSeatsLeft").asInt() > 0) {
            text += "; seats ran out";
        }
        return text;
    }

    private static String errorTotals(List<JsonNode> rounds) {
        return rounds.stream().mapToLong(round -> round.path("errors").asLong()).sum() + " ("
                + rounds.stream().mapToLong(round -> round.path("errorsInWholeRun").asLong()).sum() + ")";
    }

    private static JsonNode shard(JsonNode round, int index) {
        JsonNode shards = round.path("perShard");
        return index < shards.size() ? shards.get(index) : null;
    }

    private static String text(JsonNode node, String field) {
        return node == null ? "–" : node.path(field).asText();
    }
}
