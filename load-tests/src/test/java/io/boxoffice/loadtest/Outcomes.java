package io.boxoffice.loadtest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the simulated fans saw, by kind (held, refused, error…): each answer's latency, and when the first and the
 * last answer of a kind came, to turn counts into rates over the time the race really lasted.
 */
public final class Outcomes {

    private final Map<String, ConcurrentLinkedQueue<Long>> latencies = new ConcurrentHashMap<>();
    private final AtomicLong first = new AtomicLong(Long.MAX_VALUE);
    private final AtomicLong last = new AtomicLong();

    public void record(String kind, long latencyMillis, long endedAtMillis) {
        latencies.computeIfAbsent(kind, k -> new ConcurrentLinkedQueue<>()).add(latencyMillis);
        first.accumulateAndGet(endedAtMillis - latencyMillis, Math::min);
        last.accumulateAndGet(endedAtMillis, Math::max);
    }

    public long count(String kind) {
        ConcurrentLinkedQueue<Long> values = latencies.get(kind);
        return values == null ? 0 : values.size();
    }

    /** Seconds from the first request's start to the last answer. */
    public double seconds() {
        return last.get() <= first.get() ? 0 : (last.get() - first.get()) / 1000.0;
    }

    /** Count and p50/p95/p99/max in milliseconds of a kind, or of several together. */
    public Map<String, Object> latency(String... kinds) {
        List<Long> all = new ArrayList<>();
        for (String kind : kinds) {
            all.addAll(latencies.getOrDefault(kind, new ConcurrentLinkedQueue<>()));
        }
        all.sort(Long::compare);
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("count", all.size());
        if (!all.isEmpty()) {
            summary.put("p50", percentile(all, 0.50));
            summary.put("p95", percentile(all, 0.95));
            summary.put("p99", percentile(all, 0.99));
            summary.put("max", all.get(all.size() - 1));
        }
        return summary;
    }

    private static long percentile(List<Long> sorted, double quantile) {
        return sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(quantile * sorted.size()) - 1));
    }
}
