package io.boxoffice.app.axon;

import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import org.axonframework.deadline.dbscheduler.DbSchedulerBinaryDeadlineDetails;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManager;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;

/**
 * The db-scheduler task that runs Axon's deadlines (the end of every hold), as Axon's auto-configuration makes it but
 * retried within seconds when it fails. db-scheduler retries a failed one-time task five minutes later: in the
 * topology's drills, a deadline that met a saturated database left its reservation HELD in the fans' view for 313 s
 * after its end (the seats were free to take all along: a hold past its end counts as ended for the aggregates).
 */
@Configuration(proxyBeanMethods = false)
class DeadlineTask {

    /** Then 1.5 times longer each time: 1, 1.5, 2.3, 3.4… s, about two minutes for ten attempts. */
    static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    static final double RETRY_GROWTH = 1.5;

    /** Takes the place of Axon's task of the same name (its auto-configuration steps aside for this qualifier). */
    @Bean
    @Qualifier("deadlineDetailsTask")
    Task<DbSchedulerBinaryDeadlineDetails> deadlineDetailsTask(ApplicationContext context) {
        Task<DbSchedulerBinaryDeadlineDetails> axon =
                DbSchedulerDeadlineManager.binaryTask(() -> context.getBean(DbSchedulerDeadlineManager.class));
        return Tasks.oneTime(axon.getName(), DbSchedulerBinaryDeadlineDetails.class)
                .onFailure(new FailureHandler.ExponentialBackoffFailureHandler<>(FIRST_RETRY, RETRY_GROWTH))
                .execute((instance, execution) -> axon.execute(instance, execution));
    }
}
