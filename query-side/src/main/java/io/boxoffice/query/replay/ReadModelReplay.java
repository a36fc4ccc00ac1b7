package io.boxoffice.query.replay;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.redisson.api.RTopic;
import org.redisson.api.RedissonClient;
import org.redisson.client.RedisException;
import org.redisson.client.codec.StringCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Rebuilds a read model with Axon's own replay while its readers go on reading: the standby generation's processor
 * has its tokens reset (its reset handler empties its tables) and replays from the first event while the serving
 * generation keeps serving and following new events; once the replay has caught up with the event store, the
 * views move to it in one transaction, the other nodes are told (through Redis) to run its processor instead, and
 * the old generation becomes the standby.
 */
@Component
public class ReadModelReplay {

    private static final String CONTROL_TOPIC = "boxoffice:read-models";
    private static final Duration POLL = Duration.ofMillis(50);
    private static final Logger log = LoggerFactory.getLogger(ReadModelReplay.class);

    private final Map<String, ReadModel> models;
    private final ServingGenerations serving;
    private final EventProcessingConfiguration processing;
    private final TokenStore tokenStore;
    private final RTopic control;
    private final Duration catchUpTimeout;
    /** Tells this node's messages from the others' on the shared topic. */
    private final String node = UUID.randomUUID().toString();

    public ReadModelReplay(List<ReadModel> models, ServingGenerations serving,
                           @Lazy EventProcessingConfiguration processing, TokenStore tokenStore,
                           RedissonClient redisson, ReplayProperties properties) {
        this.models = models.stream().collect(Collectors.toMap(ReadModel::name, Function.identity()));
        this.serving = serving;
        this.processing = processing;
        this.tokenStore = tokenStore;
        this.catchUpTimeout = properties.catchUpTimeout();
        this.control = redisson.getTopic(CONTROL_TOPIC, StringCodec.INSTANCE);
        // off Redisson's threads: stopping a processor waits for its work in progress
        control.addListener(String.class, (channel, message) -> CompletableFuture.runAsync(() -> obey(message)));
    }

    /** @param deadLetters events the new generation set aside, as the one before it did */
    public record Replayed(String readModel, Generation serving, Duration took, long deadLetters) {
    }

    public static class UnknownReadModelException extends RuntimeException {
        UnknownReadModelException(String name) {
            super("no read model " + name);
        }
    }

    public List<String> names() {
        return models.keySet().stream().sorted().toList();
    }

    public synchronized Replayed replay(String name) throws InterruptedException {
        ReadModel model = Optional.ofNullable(models.get(name)).orElseThrow(() -> new UnknownReadModelException(name));
        Instant started = Instant.now();
        Generation live = serving.serving(model);
        Generation next = live.other();
        StreamingEventProcessor replaying = processor(model.processorName(next));
        replaying.shutDown();
        // what the standby set aside in its last turn: its replay sets aside again what it still cannot handle
        processing.deadLetterQueue(model.processorName(next)).ifPresent(SequencedDeadLetterQueue::clear);
        // refused while another node runs this processor (it never should: only a replay runs the standby)
        replaying.resetTokens();
        replaying.start();
        try {
            awaitCaughtUp(replaying, model.processorName(next));
        } catch (RuntimeException | InterruptedException e) {
            replaying.shutDown();
            throw e;
        }
        serving.switchTo(model, next);
        tell("serve " + model.name() + " " + next);
        processor(model.processorName(live)).shutDown();
        Replayed replayed = new Replayed(model.name(), next, Duration.between(started, Instant.now()),
                processing.deadLetterQueue(model.processorName(next)).map(SequencedDeadLetterQueue::size).orElse(0L));
        log.info("Read model replayed from the first event: {}", replayed);
        return replayed;
    }

    /** Until every segment of the processor is here, past the replay and at the head of the event store. */
    private void awaitCaughtUp(StreamingEventProcessor processor, String name) throws InterruptedException {
        Instant deadline = Instant.now().plus(catchUpTimeout);
        int segments = tokenStore.fetchSegments(name).length;
        while (!caughtUp(processor.processingStatus(), segments)) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException(name + " did not catch up within " + catchUpTimeout);
            }
            Thread.sleep(POLL.toMillis());
        }
    }

    private static boolean caughtUp(Map<Integer, EventTrackerStatus> status, int segments) {
        return status.size() == segments && status.values().stream()
                .allMatch(segment -> segment.isCaughtUp() && !segment.isErrorState() && pastReset(segment));
    }

    /** Axon calls a segment replaying until an event after the reset arrives; having reached the reset is enough. */
    private static boolean pastReset(EventTrackerStatus segment) {
        return !segment.isReplaying() || (segment.getCurrentPosition().isPresent()
                && segment.getResetPosition().isPresent()
                && segment.getCurrentPosition().getAsLong() >= segment.getResetPosition().getAsLong());
    }

    private StreamingEventProcessor processor(String name) {
        return processing.eventProcessor(name, StreamingEventProcessor.class)
                .orElseThrow(() -> new IllegalStateException("no processor " + name));
    }

    private void tell(String command) {
        try {
            control.publish(node + " " + command);
        } catch (RedisException e) {
            // the other nodes learn it when they restart; until then they keep following the old generation
            log.warn("Could not tell the other nodes to {}: {}", command, e.toString());
        }
    }

    /** Another node switched a read model: run the serving generation's processor here too, stop the other. */
    private void obey(String message) {
        String[] words = message.split(" ");
        if (words.length != 4 || words[0].equals(node) || !words[1].equals("serve") || !models.containsKey(words[2])) {
            return;
        }
        ReadModel model = models.get(words[2]);
        Generation now = Generation.valueOf(words[3]);
        serving.remember(model, now);
        processor(model.processorName(now)).start();
        processor(model.processorName(now.other())).shutDown();
    }
}
