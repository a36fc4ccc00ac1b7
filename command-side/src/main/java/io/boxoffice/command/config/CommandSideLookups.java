package io.boxoffice.command.config;

import io.boxoffice.command.catalog.SeatingCatalog;
import io.boxoffice.command.reservation.FanTicketsFollower;
import io.boxoffice.command.reservation.PlacedReservations;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;

/**
 * The command side's own lookups, written by subscribing processors (see application.properties) in the
 * transaction of the command whose events they record: a failure to write one fails that command, rather than
 * leave a reservation or an event the command side does not know.
 */
@Configuration(proxyBeanMethods = false)
public class CommandSideLookups {

    private static final List<String> PROCESSING_GROUPS = List.of(PlacedReservations.PROCESSING_GROUP,
            SeatingCatalog.PROCESSING_GROUP);

    @Bean
    static ConfigurerModule lookupsFailWithTheirCommand() {
        return configurer -> PROCESSING_GROUPS.forEach(group -> configurer.eventProcessing()
                .registerListenerInvocationErrorHandler(group, configuration -> PropagatingErrorHandler.instance()));
    }

    /**
     * A fan's allowance that cannot be told of a payment or a cancellation now (the primary database or the shard out
     * of reach) is told again, from the same event, once the processor has backed off: never skipped.
     */
    @Bean
    static ConfigurerModule fanTicketsRetriedUntilTold() {
        return configurer -> configurer.eventProcessing().registerListenerInvocationErrorHandler(
                FanTicketsFollower.PROCESSING_GROUP, configuration -> PropagatingErrorHandler.instance());
    }
}
