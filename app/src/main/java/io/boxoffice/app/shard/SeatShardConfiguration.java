package io.boxoffice.app.shard;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariDataSource;
import io.boxoffice.app.axon.AxonPersistenceConfiguration;
import io.boxoffice.app.runtime.EmbeddedSeatShards;
import io.boxoffice.command.shard.SeatShard;
import io.boxoffice.command.shard.SeatShards;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.serialization.Serializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The seat shards ({@link SeatShardProperties}): a connection pool, a transaction manager and an event store per
 * shard, each shard's schema migrated by Flyway ({@code db/seat-shard}), the one storage engine that routes between
 * them, and the one source of events that reads them all.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SeatShardProperties.class)
public class SeatShardConfiguration {

    private static final String SHARD_MIGRATIONS = "classpath:db/seat-shard";

    /** The pools of the shards other than the primary database, closed with the context. */
    public record ShardPools(Map<String, HikariDataSource> byName) implements AutoCloseable {

        @Override
        public void close() {
            byName.values().forEach(HikariDataSource::close);
        }
    }

    @Bean
    ShardPools shardPools(SeatShardProperties settings, ObjectProvider<EmbeddedSeatShards> embedded) {
        List<SeatShardProperties.Shard> shards = new ArrayList<>(settings.seatShards());
        if (shards.isEmpty()) {
            embedded.ifAvailable(started -> shards.addAll(started.asSettings()));
        }
        Map<String, HikariDataSource> pools = new LinkedHashMap<>();
        for (int index = 1; index < shards.size(); index++) {
            SeatShardProperties.Shard shard = shards.get(index);
            if (shard.url() == null) {
                throw new IllegalStateException("boxoffice.seat-shards[" + index + "].url is missing: only entry 0, "
                        + "the primary database, has none");
            }
            HikariDataSource pool = new HikariDataSource();
            pool.setPoolName("seat-shard-" + nameOf(shard, index));
            pool.setJdbcUrl(shard.url());
            pool.setUsername(shard.username());
            pool.setPassword(shard.password());
            pool.setMaximumPoolSize(shard.maximumPoolSize());
            pool.setConnectionTimeout(shard.connectionTimeout().toMillis());
            pools.put(nameOf(shard, index), pool);
        }
        if (pools.size() + 1 < shards.size() || pools.containsKey(primaryName(shards))) {
            throw new IllegalStateException("boxoffice.seat-shards: every shard needs a name of its own");
        }
        ShardPools created = new ShardPools(pools);
        created.byName().values().forEach(pool -> Flyway.configure().dataSource(pool).locations(SHARD_MIGRATIONS)
                .load().migrate());
        return created;
    }

    private static String nameOf(SeatShardProperties.Shard shard, int index) {
        return shard.name() != null ? shard.name() : index == 0 ? "primary" : "shard-" + index;
    }

    private static String primaryName(List<SeatShardProperties.Shard> shards) {
        return shards.isEmpty() ? "primary" : nameOf(shards.get(0), 0);
    }

    @Bean
    SeatShards seatShards(SeatShardProperties settings, ShardPools pools, JdbcTemplate primaryJdbc,
                          TransactionManager primaryTransactions, ObjectMapper json, Clock clock) {
        List<SeatShard> shards = new ArrayList<>();
        shards.add(new SeatShard(primaryName(settings.seatShards()), 0, primaryJdbc, primaryTransactions));
        pools.byName().forEach((name, pool) -> shards.add(new SeatShard(name, shards.size(), new JdbcTemplate(pool),
                new SpringTransactionManager(new DataSourceTransactionManager(pool)))));
        return new SeatShards(shards, json, clock, settings.seatShardRetryAfter());
    }

    /** The shards' event stores as one: each aggregate's events on its shard. */
    @Bean
    EventStorageEngine eventStorageEngine(SeatShards shards, ShardPools pools, Serializer serializer,
                                          PersistenceExceptionResolver persistenceExceptionResolver,
                                          org.axonframework.config.Configuration axon,
                                          ConnectionProvider connectionProvider,
                                          TransactionManager transactionManager, EventSchema eventSchema) {
        Map<SeatShard, EventStorageEngine> engines = new LinkedHashMap<>();
        for (SeatShard shard : shards.all()) {
            engines.put(shard, shard.isPrimary()
                    ? AxonPersistenceConfiguration.jdbcEngine(serializer, persistenceExceptionResolver, axon,
                    connectionProvider, transactionManager, eventSchema)
                    : AxonPersistenceConfiguration.jdbcEngine(serializer, persistenceExceptionResolver, axon,
                    new SpringDataSourceConnectionProvider(pools.byName().get(shard.name())),
                    shard.transactions(), eventSchema));
        }
        return new RoutingEventStorageEngine(shards, engines);
    }

    /**
     * Every shard's events, for the streaming processors ({@code axon.eventhandling.processors.*.source}). The
     * primary's are the event store's; another shard's are read through an event store of their own.
     */
    @Bean
    SeatShardEventSource seatShardEvents(SeatShards shards, SeatShardProperties settings, @Lazy EventStore eventStore,
                                         EventStorageEngine eventStorageEngine) {
        Map<String, StreamableMessageSource<TrackedEventMessage<?>>> others = new LinkedHashMap<>();
        RoutingEventStorageEngine routing = (RoutingEventStorageEngine) eventStorageEngine;
        shards.all().stream().filter(shard -> !shard.isPrimary()).forEach(shard -> others.put(shard.name(),
                EmbeddedEventStore.builder().storageEngine(routing.engineOn(shard))
                        .optimizeEventConsumption(false).build()));
        return new SeatShardEventSource(shards.primary().name(), eventStore, others, settings.seatShardRetryAfter());
    }
}
