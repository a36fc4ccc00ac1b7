package io.boxoffice.query.replay;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.lifecycle.Phase;

import java.util.function.Function;

/**
 * Assigns a {@link ReadModel}'s projection instances to its two processors, one per generation. The processors
 * themselves (pooled, their segments and batches, their dead-letter queues) are Axon's, from the
 * {@code axon.eventhandling.processors.*} properties. Both start with Axon; right after, each node stops the one whose
 * generation does not serve, so that only a replay runs it.
 */
public final class ReadModelProcessors {

    private ReadModelProcessors() {
    }

    /** @param projection the event handlers of one generation (writing its tables, emptying them on reset) */
    public static ConfigurerModule of(ReadModel model, Function<Generation, Object> projection,
                                      ServingGenerations serving) {
        return configurer -> {
            for (Generation generation : Generation.values()) {
                String processor = model.processorName(generation);
                Object handlers = projection.apply(generation);
                configurer.eventProcessing()
                        .registerEventHandler(configuration -> handlers)
                        .assignHandlerInstancesMatching(processor, candidate -> candidate == handlers);
            }
            configurer.onInitialize(configuration -> configuration.onStart(Phase.INBOUND_EVENT_CONNECTORS + 1,
                    () -> configuration.eventProcessingConfiguration()
                            .eventProcessor(model.processorName(serving.serving(model).other()),
                                    StreamingEventProcessor.class)
                            .ifPresent(StreamingEventProcessor::shutDown)));
        };
    }
}
