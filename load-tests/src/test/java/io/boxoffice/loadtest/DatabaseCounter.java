package io.boxoffice.loadtest;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * PostgreSQL's transaction counter through a run, sampled four times a second, to tell how many transactions a
 * window of the run cost. It first watches five seconds of the application doing nothing (its processors and
 * schedulers poll) to take that off, and at the end waits until the database is back to that idle pace.
 */
final class DatabaseCounter {

    private static final Duration IDLE_WINDOW = Duration.ofSeconds(5);

    private final Boxoffice boxoffice;
    private final ConcurrentSkipListMap<Long, Long> samples = new ConcurrentSkipListMap<>();
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "database-counter");
        thread.setDaemon(true);
        return thread;
    });
    private double idlePerSecond;

    DatabaseCounter(Boxoffice boxoffice) {
        this.boxoffice = boxoffice;
    }

    /** Starts sampling, and returns once the idle pace is known. */
    void start() {
        sampler.scheduleAtFixedRate(() -> samples.put(System.currentTimeMillis(), boxoffice.transactionsNow()),
                0, 250, TimeUnit.MILLISECONDS);
        await().atMost(IDLE_WINDOW.multipliedBy(3)).until(() -> span() >= IDLE_WINDOW.toMillis());
        idlePerSecond = (samples.lastEntry().getValue() - samples.firstEntry().getValue()) * 1000.0 / span();
    }

    /** Returns once the last second cost no more than the idle pace (projections and sagas have caught up). */
    void awaitQuiet() {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() -> {
            Map.Entry<Long, Long> last = samples.lastEntry();
            Map.Entry<Long, Long> secondBefore = samples.floorEntry(last.getKey() - 1000);
            return secondBefore != null && last.getValue() - secondBefore.getValue() <= 2 * idlePerSecond + 5;
        });
    }

    void stop() {
        sampler.shutdownNow();
    }

    double idlePerSecond() {
        return idlePerSecond;
    }

    /** Transactions between two moments: the last sample before the first, the first sample after the second. */
    long between(long fromMillis, long toMillis) {
        Map.Entry<Long, Long> from = samples.floorEntry(fromMillis);
        Map.Entry<Long, Long> to = samples.ceilingEntry(toMillis);
        from = from == null ? samples.firstEntry() : from;
        to = to == null ? samples.lastEntry() : to;
        return from == null || to == null ? 0 : to.getValue() - from.getValue();
    }

    private long span() {
        return samples.isEmpty() ? 0 : samples.lastKey() - samples.firstKey();
    }
}
