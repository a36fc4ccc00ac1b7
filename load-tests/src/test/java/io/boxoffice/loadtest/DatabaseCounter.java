package io.boxoffice.loadtest;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * PostgreSQL's transaction counter through a run, sampled four times a second, to tell how many transactions a
 * window of the run cost; first, for five idle seconds, what the application costs doing nothing (its processors
 * and schedulers poll), to take that off.
 */
final class DatabaseCounter {

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

    void start() {
        long idleFrom = boxoffice.databaseTransactions();
        long started = System.currentTimeMillis();
        Boxoffice.pause(Duration.ofSeconds(5));
        long idleTo = boxoffice.databaseTransactions();
        idlePerSecond = (idleTo - idleFrom) * 1000.0 / (System.currentTimeMillis() - started);
        sampler.scheduleAtFixedRate(() -> samples.put(System.currentTimeMillis(), boxoffice.transactionsNow()),
                0, 250, TimeUnit.MILLISECONDS);
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
}
