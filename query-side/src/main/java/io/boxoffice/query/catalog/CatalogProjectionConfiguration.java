package io.boxoffice.query.catalog;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.boxoffice.query.replay.ReadModel;
import io.boxoffice.query.replay.ReadModelProcessors;
import io.boxoffice.query.replay.ServingGenerations;
import io.boxoffice.query.seatupdates.SeatUpdateHub;
import org.axonframework.config.ConfigurerModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

@Configuration(proxyBeanMethods = false)
public class CatalogProjectionConfiguration {

    /** Browsing's read model: venues, events and the seats that are not available, replayable by Axon. */
    public static final ReadModel CATALOG = new ReadModel("catalog", CatalogTables.TABLES);

    @Bean
    ReadModel catalogAsReadModel() {
        return CATALOG;
    }

    /**
     * Browsing may be a moment behind (spec: 2 s): the catalog follows the event store in segments, off the command
     * path, many events in one transaction (see application.properties), so that a busy on-sale costs few database
     * round trips.
     */
    @Bean
    ConfigurerModule catalogProcessors(JdbcTemplate jdbc, ObjectMapper json, PlatformTransactionManager transactions,
                                       SeatUpdateHub seatUpdates, ServingGenerations serving) {
        return ReadModelProcessors.of(CATALOG, generation -> new CatalogProjection(
                        new CatalogTables(jdbc, json, generation, transactions), seatUpdates,
                        () -> serving.serves(CATALOG, generation), () -> serving.truncate(CATALOG, generation)),
                serving);
    }
}
