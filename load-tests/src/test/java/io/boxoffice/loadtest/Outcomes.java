package io.boxoffice.loadtest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/** What the simulated fans saw, by kind (held, refused, error…): when each answer came and how long it took. */
public final class Outcomes {

    private record Answer(long endedAtMillis, long latencyMillis) {
    }

    private final Map<String, ConcurrentLinkedQueue<Answer>> answers = new ConcurrentHashMap<>();

    public void record(String kind, long latencyMillis, long endedAtMillis) {
        answers.computeIfAbsent(kind, k -> new ConcurrentLinkedQueue<>()).add(new Answer(endedAtMillis, latencyMillis));
    }

    public long count(String... kinds) {
        return all(kinds).size();
    }

    public long countBetween(String kind, long fromMillis, long toMillis) {
        return all(kind).stream().filter(a -> a.endedAtMillis() >= fromMillis && a.endedAtMillis() <= toMillis).count();
    }

    /** When the first request of these kinds was sent. */
    public long firstMillis(String... kinds) {
        return all(kinds).stream().mapToLong(a -> a.endedAtMillis() - a.latencyMillis()).min().orElse(0);
    }

    /** When the last answer of these kinds came. */
    public long lastMillis(String... kinds) {
        return all(kinds).stream().mapToLong(Answer::endedAtMillis).max().orElse(0);
    }

    /** Seconds from the first request's start to the last answer, of these kinds. */
    public double seconds(String... kinds) {
        return Math.max(0, lastMillis(kinds) - firstMillis(kinds)) / 1000.0;
    }

    /** Count and p50/p95/p99/max in milliseconds of a kind, or of several together. */
    public Map<String, Object> latency(String... kinds) {
        List<Long> sorted = all(kinds).stream().map(Answer::latencyMillis).sorted().toList();
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("count", sorted.size());
        if (!sorted.isEmpty()) {
            summary.put("p50", percentile(sorted, 0.50));
            summary.put("p95", percentile(sorted, 0.95));
            summary.put("p99", percentile(sorted, 0.99));
            summary.put("max", sorted.get(sorted.size() - 1));
        }
        return summary;
    }

    private List<Answer> all(String... kinds) {
        List<Answer> all = new ArrayList<>();
        for (String kind : kinds) {
            all.addAll(answers.getOrDefault(kind, new ConcurrentLinkedQueue<>()));
        }
        return all;
    }

    /** The value at {@code quantile} of ascending values (nearest rank). */
    static long percentile(List<Long> sorted, double quantile) {
        return sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(quantile * sorted.size()) - 1));
    }
}
