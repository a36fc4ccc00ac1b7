package io.boxoffice.query.catalog;

import org.axonframework.config.ConfigurerModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
public class CatalogProjectionConfiguration {

    /**
     * Browsing may be a moment behind (spec: 2 s): the catalog follows the event store in segments, off the command
     * path, up to {@value #BATCH} events in one transaction, so that a busy on-sale costs few database round trips.
     */
    @Bean
    ConfigurerModule catalogProcessor() {
        return configurer -> configurer.eventProcessing()
                .registerPooledStreamingEventProcessor(CatalogProjection.PROCESSING_GROUP,
                        org.axonframework.config.Configuration::eventStore,
                        (configuration, processor) -> processor.batchSize(BATCH).initialSegmentCount(SEGMENTS));
    }

    static final int BATCH = 100;
    /**
     * Segments the catalog is split into (nodes share them): Axon's default of 16 makes each processor's coordinator
     * inspect 16 work packages in a loop, which cost a tenth of the CPU of a busy 2-core node in a profile.
     */
    static final int SEGMENTS = 4;
}
