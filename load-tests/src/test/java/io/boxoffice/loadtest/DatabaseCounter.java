package io.boxoffice.loadtest;

import org.awaitility.core.ConditionTimeoutException;

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
 * schedulers poll) and takes the quietest second of them off, and at the end waits until the database is back to
 * that idle pace.
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
        // the quietest second of the window: the tail of what ran before (a design working off an overload) is not
        // the application's idle pace
        idlePerSecond = samples.entrySet().stream()
                .map(sample -> samples.ceilingEntry(sample.getKey() + 1000) == null ? null
                        : (samples.ceilingEntry(sample.getKey() + 1000).getValue() - sample.getValue()) * 1000.0
                        / (samples.ceilingKey(sample.getKey() + 1000) - sample.getKey()))
                .filter(rate -> rate != null).min(Double::compare).orElse(0.0);
    }

    /**
     * Returns once the last second cost no more than the idle pace (projections and sagas have caught up): true, or
     * false when two minutes were not enough (a design still working off what an overload left it), so that the run
     * reports its figures with that said rather than none.
     */
    boolean awaitQuiet() {
        try {
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).until(() -> {
                Map.Entry<Long, Long> last = samples.lastEntry();
                Map.Entry<Long, Long> secondBefore = samples.floorEntry(last.getKey() - 1000);
                return secondBefore != null && last.getValue() - secondBefore.getValue() <= 2 * idlePerSecond + 5;
            });
            return true;
        } catch (ConditionTimeoutException stillBusy) {
            return false;
        }
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
