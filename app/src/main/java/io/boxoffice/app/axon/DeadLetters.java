package io.boxoffice.app.axon;

import io.boxoffice.query.catalog.CatalogProjection;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcSequencedDeadLetterQueue;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Axon's dead-letter queue, in PostgreSQL, for the pooled projections: an event a projection cannot handle is set
 * aside with its cause, and so are the later events of its sequence (the same aggregate), while every other event
 * goes on being projected. So no single event can stop browsing. Operators see them in health
 * ({@code deadLetters}), in the metric {@code boxoffice.dead.letters} and at {@code /api/admin/dead-letters}.
 * <p>
 * The payment saga has none on purpose: a failing refund or void is retried until it succeeds, never set aside.
 */
@Configuration(proxyBeanMethods = false)
public class DeadLetters {

    /** The processing groups whose failures are dead-lettered. */
    public static final List<String> GROUPS = List.of(CatalogProjection.PROCESSING_GROUP);

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

    @Bean
    ConfigurerModule deadLetterQueues(ConnectionProvider connections, TransactionManager transactions,
                                      DeadLetterSchema schema, Serializer serializer,
                                      @Qualifier("eventSerializer") Serializer eventSerializer) {
        return configurer -> GROUPS.forEach(group -> configurer.eventProcessing().registerDeadLetterQueue(group,
                configuration -> JdbcSequencedDeadLetterQueue.builder()
                        .processingGroup(group)
                        .connectionProvider(connections)
                        .transactionManager(transactions)
                        .schema(schema)
                        .genericSerializer(serializer)
                        .eventSerializer(eventSerializer)
                        .build()));
    }

    /** Dead letters per processing group; UP all the same: the node serves, one sequence waits for an operator. */
    @Bean("deadLettersHealthIndicator")
    HealthIndicator deadLettersHealth(EventProcessingConfiguration processing) {
        return () -> Health.up().withDetails(counts(processing)).build();
    }

    @Bean
    MeterBinder deadLetterGauges(EventProcessingConfiguration processing) {
        return meters -> GROUPS.forEach(group -> Gauge.builder("boxoffice.dead.letters", () -> queue(processing, group)
                        .map(SequencedDeadLetterQueue::size).orElse(0L))
                .description("Events set aside because a projection could not handle them")
                .tag("processing_group", group).register(meters));
    }

    static Map<String, Object> counts(EventProcessingConfiguration processing) {
        return GROUPS.stream().collect(Collectors.toMap(Function.identity(),
                group -> queue(processing, group).map(SequencedDeadLetterQueue::size).orElse(0L)));
    }

    static Optional<SequencedDeadLetterQueue<EventMessage<?>>> queue(EventProcessingConfiguration processing,
                                                                    String group) {
        return processing.deadLetterQueue(group);
    }
}
