package io.boxoffice.query.catalog;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.redisson.api.RTopic;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Rebuilds the catalog read model from the first event, without taking browsing down: the replay fills copies of
 * the tables while the live ones keep serving and updating; only for the last stretch do the catalog processors
 * of every node pause (told through Redis), while the copies catch up, take the live tables' place in one
 * transaction, and the processors' tokens move to where the replay ended.
 */
@Component
public class CatalogRebuild {

    static final String SUFFIX = "_rebuild";
    private static final String CONTROL_TOPIC = "boxoffice:catalog-processor";
    private static final Duration PAUSE_TIMEOUT = Duration.ofSeconds(30);
    private static final Logger log = LoggerFactory.getLogger(CatalogRebuild.class);

    private final EventStore eventStore;
    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final TokenStore tokenStore;
    private final TransactionManager transactions;
    private final PlatformTransactionManager platformTransactions;
    private final EventProcessingConfiguration processing;
    private final RTopic control;

    public CatalogRebuild(EventStore eventStore, JdbcTemplate jdbc, ObjectMapper json, TokenStore tokenStore,
                          TransactionManager transactions, PlatformTransactionManager platformTransactions,
                          EventProcessingConfiguration processing, RedissonClient redisson) {
        this.eventStore = eventStore;
        this.platformTransactions = platformTransactions;
        this.jdbc = jdbc;
        this.json = json;
        this.tokenStore = tokenStore;
        this.transactions = transactions;
        this.processing = processing;
        this.control = redisson.getTopic(CONTROL_TOPIC, StringCodec.INSTANCE);
        // off Redisson's threads: stopping a processor waits for its work to finish
        control.addListener(String.class, (channel, command) -> CompletableFuture.runAsync(() -> obey(command)));
    }

    /**
     * @param skipped events the catalog cannot hold (the live projection set the same ones aside as dead letters),
     *                so the rebuilt tables equal the live ones
     */
    public record Report(long eventsReplayed, long eventsWhilePaused, Duration pause, Duration total,
                         List<Skipped> skipped) {
    }

    public record Skipped(String eventIdentifier, String payloadType, String cause) {
    }

    public synchronized Report rebuild() throws InterruptedException {
        Instant started = Instant.now();
        CatalogTables copies = new CatalogTables(jdbc, json, SUFFIX, platformTransactions);
        transactions.executeInTransaction(() -> CatalogTables.TABLES.forEach(table -> jdbc.execute(
                "DROP TABLE IF EXISTS %1$s%2$s; CREATE TABLE %1$s%2$s (LIKE %1$s INCLUDING ALL)".formatted(table, SUFFIX))));
        Replay bulk = replay(copies, null);
        Instant paused = Instant.now();
        control.publish("pause");
        try {
            awaitPaused();
            Replay rest = replay(copies, bulk.position());
            TrackingToken position = rest.position() != null ? rest.position() : bulk.position();
            transactions.executeInTransaction(() -> {
                CatalogTables.TABLES.forEach(table -> jdbc.execute(
                        "DROP TABLE %1$s; ALTER TABLE %1$s%2$s RENAME TO %1$s".formatted(table, SUFFIX)));
                if (position != null) {
                    for (int segment : tokenStore.fetchSegments(CatalogProjection.PROCESSING_GROUP)) {
                        tokenStore.storeToken(position, CatalogProjection.PROCESSING_GROUP, segment);
                        tokenStore.releaseClaim(CatalogProjection.PROCESSING_GROUP, segment);
                    }
                }
            });
            List<Skipped> skipped = new ArrayList<>(bulk.skipped());
            skipped.addAll(rest.skipped());
            Report report = new Report(bulk.events() + rest.events(), rest.events(),
                    Duration.between(paused, Instant.now()), Duration.between(started, Instant.now()), skipped);
            log.info("Catalog rebuilt from the event store: {}", report);
            return report;
        } finally {
            control.publish("resume");
        }
    }

    private record Replay(long events, TrackingToken position, List<Skipped> skipped) {
    }

    /** Applies every event after {@code from} (from the start when null) that is in the store now. */
    private Replay replay(CatalogTables copies, TrackingToken from) {
        long events = 0;
        TrackingToken position = from;
        List<Skipped> skipped = new ArrayList<>();
        try (BlockingStream<TrackedEventMessage<?>> stream = eventStore.openStream(from)) {
            while (stream.hasNextAvailable()) {
                TrackedEventMessage<?> event = stream.nextAvailable();
                try {
                    copies.apply(event.getPayload());
                } catch (RuntimeException refused) {
                    skipped.add(new Skipped(event.getIdentifier(), event.getPayloadType().getName(),
                            String.valueOf(refused.getMessage())));
                }
                position = event.trackingToken();
                events++;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while replaying", e);
        }
        return new Replay(events, position, skipped);
    }

    /** Waits until no node holds a segment of the catalog processor. */
    private void awaitPaused() throws InterruptedException {
        Instant deadline = Instant.now().plus(PAUSE_TIMEOUT);
        while (jdbc.queryForObject("SELECT count(*) FROM token_entry WHERE processor_name = ? AND owner IS NOT NULL",
                Integer.class, CatalogProjection.PROCESSING_GROUP) > 0) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("the catalog processors did not pause within " + PAUSE_TIMEOUT);
            }
            Thread.sleep(50);
        }
    }

    /** Every node pauses or resumes its own catalog processor when told to. */
    private void obey(String command) {
        processing.eventProcessor(CatalogProjection.PROCESSING_GROUP, StreamingEventProcessor.class)
                .ifPresent(processor -> {
                    if (command.equals("pause")) {
                        processor.shutdownAsync().join();
                    } else if (command.equals("resume")) {
                        processor.start();
                    }
                });
    }
}
