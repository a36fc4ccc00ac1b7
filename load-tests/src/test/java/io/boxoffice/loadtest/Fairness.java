package io.boxoffice.loadtest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How far the order in which fans got somewhere (admitted, holding seats) was from the order in which they arrived.
 * Fans are numbered by arrival (Gatling's user ids grow with injection); for the fans who got there, each one's place
 * in arrival order is compared with their place in the order they got there: 0 places for every fan is first come,
 * first served. Reported as the mean and 95th percentile of that displacement, as a share of the fans counted.
 */
final class Fairness {

    private final Map<Long, Long> reachedAtMillis = new ConcurrentHashMap<>();

    /** The first time a fan got there counts. */
    void reached(long fan, long atMillis) {
        reachedAtMillis.putIfAbsent(fan, atMillis);
    }

    Map<String, Object> summary() {
        List<Map.Entry<Long, Long>> byArrival = reachedAtMillis.entrySet().stream()
                .sorted(Map.Entry.comparingByKey()).toList();
        List<Long> byReaching = reachedAtMillis.entrySet().stream()
                .sorted(Map.Entry.<Long, Long>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey).toList();
        Map<Long, Integer> reachingRank = new HashMap<>();
        for (int rank = 0; rank < byReaching.size(); rank++) {
            reachingRank.put(byReaching.get(rank), rank);
        }
        List<Long> displacements = new ArrayList<>();
        for (int rank = 0; rank < byArrival.size(); rank++) {
            displacements.add((long) Math.abs(rank - reachingRank.get(byArrival.get(rank).getKey())));
        }
        displacements.sort(Comparator.naturalOrder());
        Map<String, Object> summary = new LinkedHashMap<>();
        int fans = displacements.size();
        summary.put("fans", fans);
        if (fans > 0) {
            double mean = displacements.stream().mapToLong(Long::longValue).average().orElse(0);
            summary.put("meanDisplacementPlaces", Math.round(mean * 10) / 10.0);
            summary.put("p95DisplacementPlaces", Outcomes.percentile(displacements, 0.95));
            summary.put("meanDisplacementShare", Math.round(1000.0 * mean / fans) / 1000.0);
        }
        return summary;
    }
}
