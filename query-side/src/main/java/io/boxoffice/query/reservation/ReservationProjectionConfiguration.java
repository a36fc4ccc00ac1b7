package io.boxoffice.query.reservation;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
public class ReservationProjectionConfiguration {

    /**
     * The projection is subscribing, so it runs inside the command's transaction; if it cannot write, the command
     * fails too, rather than acknowledging a reservation its owner could not read back.
     */
    @Bean
    ConfigurerModule reservationProjectionInCommandTransaction() {
        return configurer -> configurer.eventProcessing()
                .registerSubscribingEventProcessor(ReservationProjection.PROCESSING_GROUP)
                .registerListenerInvocationErrorHandler(ReservationProjection.PROCESSING_GROUP,
                        configuration -> PropagatingErrorHandler.instance());
    }
}
