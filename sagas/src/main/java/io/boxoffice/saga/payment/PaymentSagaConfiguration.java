package io.boxoffice.saga.payment;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
public class PaymentSagaConfiguration {

    /**
     * The saga follows the event store with a pooled streaming processor whose segments are shared among nodes.
     * A failing handler (the gateway is down) is retried rather than skipped: a refund or a void is never lost.
     */
    @Bean
    ConfigurerModule paymentSagaProcessor() {
        return configurer -> configurer.eventProcessing()
                .registerPooledStreamingEventProcessor(PaymentSaga.PROCESSING_GROUP,
                        org.axonframework.config.Configuration::eventStore,
                        // many holds a second in an on-sale: their sagas start in batches, one transaction each; four
                        // segments rather than Axon's 16, whose coordinator loop is a cost of its own
                        (configuration, processor) -> processor.batchSize(50).initialSegmentCount(4))
                .registerListenerInvocationErrorHandler(PaymentSaga.PROCESSING_GROUP,
                        configuration -> PropagatingErrorHandler.instance());
    }
}
