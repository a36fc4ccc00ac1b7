package io.boxoffice.saga.payment;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
public class PaymentSagaConfiguration {

    /**
     * The saga follows the event store with a pooled streaming processor whose segments are shared among nodes (see
     * application.properties). A failing handler (the gateway is down) is retried rather than skipped: a refund or a
     * void is never lost.
     */
    @Bean
    ConfigurerModule paymentSagaRetriesItsFailures() {
        return configurer -> configurer.eventProcessing()
                .registerListenerInvocationErrorHandler(PaymentSaga.PROCESSING_GROUP,
                        configuration -> PropagatingErrorHandler.instance());
    }
}
