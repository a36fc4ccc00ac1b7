package io.boxoffice.app.axon;

import io.boxoffice.query.replay.ReadModel;
import io.boxoffice.query.replay.ServingGenerations;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The dead letters of each read model, by its name ({@code catalog}): those of the generation that serves, which
 * readers see; the standby's are cleared when it is replayed.
 */
@Component
public class ReadModelDeadLetters {

    private final List<ReadModel> models;
    private final ServingGenerations serving;
    private final EventProcessingConfiguration processing;

    public ReadModelDeadLetters(List<ReadModel> models, ServingGenerations serving,
                                EventProcessingConfiguration processing) {
        this.models = models;
        this.serving = serving;
        this.processing = processing;
    }

    public List<String> readModels() {
        return models.stream().map(ReadModel::name).sorted().toList();
    }

    public Optional<SequencedDeadLetterQueue<EventMessage<?>>> queue(String readModel) {
        return servingProcessor(readModel).flatMap(processing::deadLetterQueue);
    }

    public Optional<SequencedDeadLetterProcessor<EventMessage<?>>> processor(String readModel) {
        return servingProcessor(readModel).flatMap(processing::sequencedDeadLetterProcessor);
    }

    Map<String, Object> counts() {
        Map<String, Object> counts = new LinkedHashMap<>();
        readModels().forEach(readModel -> counts.put(readModel,
                queue(readModel).map(SequencedDeadLetterQueue::size).orElse(0L)));
        return counts;
    }

    private Optional<String> servingProcessor(String readModel) {
        return models.stream().filter(model -> model.name().equals(readModel)).findFirst()
                .map(model -> model.processorName(serving.serving(model)));
    }
}
