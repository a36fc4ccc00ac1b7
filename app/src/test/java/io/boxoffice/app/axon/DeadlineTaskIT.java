package io.boxoffice.app.axon;

import com.github.kagkarlsson.scheduler.task.AbstractTask;
import com.github.kagkarlsson.scheduler.task.Execution;
import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.ExecutionOperations;
import com.github.kagkarlsson.scheduler.task.Task;
import io.boxoffice.app.support.ApplicationTest;
import org.axonframework.deadline.dbscheduler.DbSchedulerBinaryDeadlineDetails;
import org.junit.jupiter.api.Test;
import org.springframework.core.ResolvableType;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

/** I3 when a deadline fails (a database saturated or restarting): it runs again within seconds, not five minutes. */
class DeadlineTaskIT extends ApplicationTest {

    @Test
    @SuppressWarnings("unchecked")
    void aFailedDeadlineIsRetriedWithinSeconds() {
        String[] deadlineTasks = context.getBeanNamesForType(ResolvableType.forClassWithGenerics(Task.class,
                DbSchedulerBinaryDeadlineDetails.class));
        assertThat(deadlineTasks).as("the application's deadline task, in place of Axon's").hasSize(1);
        AbstractTask<DbSchedulerBinaryDeadlineDetails> task =
                (AbstractTask<DbSchedulerBinaryDeadlineDetails>) context.getBean(deadlineTasks[0]);
        Instant failedAt = Instant.parse("2030-06-01T20:00:00Z");

        for (int failuresBefore : new int[]{0, 1, 3}) {
            Execution execution = new Execution(failedAt, task.instance("hold-end"), true, "node", null, null,
                    failuresBefore, null, 1);
            ExecutionOperations<DbSchedulerBinaryDeadlineDetails> operations = mock(ExecutionOperations.class);

            task.getFailureHandler().onFailure(ExecutionComplete.failure(execution, failedAt, failedAt,
                    new IllegalStateException("no connection")), operations);

            long retryMillis = Math.round(1000 * Math.pow(DeadlineTask.RETRY_GROWTH, failuresBefore));
            verify(operations).reschedule(any(), eq(failedAt.plusMillis(retryMillis)));
        }
    }
}
