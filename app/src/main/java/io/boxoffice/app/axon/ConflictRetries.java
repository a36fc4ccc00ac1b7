package io.boxoffice.app.axon;

import io.boxoffice.api.command.Refusal;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.IntervalRetryScheduler;
import org.axonframework.commandhandling.gateway.RetryScheduler;
import org.springframework.beans.factory.DisposableBean;

import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The one retry policy of commands, Axon's own (the gateway's {@link RetryScheduler}): a command that lost a race,
 * because another transaction appended to one of its aggregates first ({@link Refusal.Reason#CONFLICT}), is sent
 * again at once, up to {@value #RETRIES} times; the aggregates then decide against what that transaction did (a
 * seat's hold, a webhook's confirmation, the other scanner's check-in). Every other failure is the answer.
 */
class ConflictRetries implements RetryScheduler, DisposableBean {

    static final int RETRIES = 4;

    private final ScheduledExecutorService executor = Executors.newScheduledThreadPool(2, runnable -> {
        Thread thread = new Thread(runnable, "command-retries");
        thread.setDaemon(true);
        return thread;
    });
    private final RetryScheduler retries = IntervalRetryScheduler.builder()
            .retryExecutor(executor)
            .retryInterval(0)
            .maxRetryCount(RETRIES)
            .nonTransientFailurePredicate(failure -> !Refusal.refused(failure, Refusal.Reason.CONFLICT))
            .build();
    private final Counter retried;

    ConflictRetries(MeterRegistry meters) {
        this.retried = Counter.builder("boxoffice.commands.conflicts.retried")
                .description("Commands sent again after another transaction appended to one of their aggregates first")
                .register(meters);
    }

    @Override
    public boolean scheduleRetry(CommandMessage commandMessage, RuntimeException lastFailure,
                                 List<Class<? extends Throwable>[]> failures, Runnable dispatchTask) {
        boolean again = retries.scheduleRetry(commandMessage, lastFailure, failures, dispatchTask);
        if (again) {
            retried.increment();
        }
        return again;
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }
}
