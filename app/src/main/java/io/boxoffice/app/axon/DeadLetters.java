package io.boxoffice.app.axon;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Axon's dead-letter queue, in PostgreSQL, for the read models' processors (enabled by
 * {@code axon.eventhandling.processors.*.dlq.enabled}): an event a projection cannot handle is set aside with its
 * cause, and so are the later events of its sequence (the same aggregate), while every other event goes on being
 * projected. So no single event can stop browsing. Operators see a read model's (its serving generation's) in health
 * ({@code deadLetters}), in the metric {@code boxoffice.dead.letters} and at {@code /api/admin/dead-letters}.
 * <p>
 * The payment saga has none on purpose: a failing refund or void is retried until it succeeds, never set aside.
 */
@Configuration(proxyBeanMethods = false)
public class DeadLetters {

    /** Axon's defaults are camel case; the Flyway schema uses PostgreSQL's snake case. */
    @Bean
    DeadLetterSchema deadLetterSchema() {
        return DeadLetterSchema.builder()
                .deadLetterTable("dead_letter_entry")
                .deadLetterIdentifierColumn("dead_letter_id")
                .processingGroupColumn("processing_group")
                .sequenceIdentifierColumn("sequence_identifier")
                .sequenceIndexColumn("sequence_index")
                .messageTypeColumn("message_type")
                .eventIdentifierColumn("event_identifier")
                .timestampColumn("time_stamp")
                .payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision")
                .payloadColumn("payload")
                .metaDataColumn("meta_data")
                .aggregateTypeColumn("aggregate_type")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .tokenTypeColumn("token_type")
                .tokenColumn("token")
                .enqueuedAtColumn("enqueued_at")
                .lastTouchedColumn("last_touched")
                .processingStartedColumn("processing_started")
                .causeTypeColumn("cause_type")
                .causeMessageColumn("cause_message")
                .diagnosticsColumn("diagnostics")
                .build();
    }

    /** Dead letters per read model; UP all the same: the node serves, one sequence waits for an operator. */
    @Bean("deadLettersHealthIndicator")
    HealthIndicator deadLettersHealth(ReadModelDeadLetters letters) {
        return () -> Health.up().withDetails(letters.counts()).build();
    }

    @Bean
    MeterBinder deadLetterGauges(ReadModelDeadLetters letters) {
        return meters -> letters.readModels().forEach(readModel -> Gauge.builder("boxoffice.dead.letters",
                        () -> letters.queue(readModel).map(SequencedDeadLetterQueue::size).orElse(0L))
                .description("Events set aside because a projection could not handle them")
                .tag("read_model", readModel).register(meters));
    }
}
