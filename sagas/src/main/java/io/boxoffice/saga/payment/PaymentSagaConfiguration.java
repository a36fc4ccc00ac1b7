package io.boxoffice.saga.payment;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.modelling.saga.AnnotatedSagaManager;
import org.axonframework.modelling.saga.SagaManagerSpanFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
public class PaymentSagaConfiguration {

    /**
     * The saga follows the event store with a pooled streaming processor whose segments are shared among nodes (see
     * application.properties); each event goes to its reservation's segment only. A failing handler (the gateway is
     * down) is retried rather than skipped: a refund or a void is never lost.
     */
    @Bean
    ConfigurerModule paymentSaga() {
        return configurer -> configurer.eventProcessing()
                .registerSaga(PaymentSaga.class, saga -> saga.configureSagaManager(axon -> {
                    EventProcessingConfiguration processing = axon.eventProcessingConfiguration();
                    return new SegmentOfAssociationSagaManager<>(new AnnotatedSagaManager.Builder<PaymentSaga>()
                            .sagaType(PaymentSaga.class)
                            .sagaRepository(processing.sagaConfiguration(PaymentSaga.class).repository())
                            .parameterResolverFactory(axon.parameterResolverFactory())
                            .handlerDefinition(axon.handlerDefinition(PaymentSaga.class))
                            .listenerInvocationErrorHandler(
                                    processing.listenerInvocationErrorHandler(PaymentSaga.PROCESSING_GROUP))
                            .spanFactory(axon.getComponent(SagaManagerSpanFactory.class)));
                }))
                .registerListenerInvocationErrorHandler(PaymentSaga.PROCESSING_GROUP,
                        configuration -> PropagatingErrorHandler.instance());
    }
}
