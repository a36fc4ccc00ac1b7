package io.boxoffice.query.seatupdates;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.redisson.api.RTopic;
import org.redisson.api.RedissonClient;
import org.redisson.client.RedisException;
import org.redisson.client.codec.StringCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.MediaType;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter.DataWithMediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * Live seat updates on every node. Changes are published to one Redis topic, so every node hears every change
 * whichever node projected it; each node coalesces them per event and sends a batch to its subscribers at most
 * every {@code boxoffice.seat-updates.interval}. A short history per event lets a client that reconnects with
 * {@code Last-Event-ID} catch up, or tells it to refetch when it was gone too long.
 */
@Component
public class SeatUpdateHub implements DisposableBean, SchedulingConfigurer {

    static final String TOPIC = "boxoffice:seat-updates";
    private static final int HISTORY = 1_000;
    private static final MediaType UTF8_TEXT = new MediaType("text", "plain", StandardCharsets.UTF_8);
    private static final Logger log = LoggerFactory.getLogger(SeatUpdateHub.class);

    private final RTopic topic;
    private final ObjectMapper json;
    /** A message holds a batch's changes; a node of an earlier release sends one change a message. */
    private final ObjectReader messages;
    private final Map<String, List<SseEmitter>> subscribers = new ConcurrentHashMap<>();
    private final Map<String, List<SeatChange>> pending = new ConcurrentHashMap<>();
    private final Map<String, History> history = new ConcurrentHashMap<>();
    private final Duration interval;
    private final Counter sent;
    private final Timer flushes;

    public SeatUpdateHub(RedissonClient redisson, ObjectMapper json, SeatUpdateProperties settings,
                         MeterRegistry meters) {
        this.json = json;
        this.messages = json.readerFor(new TypeReference<List<SeatChange>>() {
        }).with(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY);
        this.interval = settings.interval();
        this.topic = redisson.getTopic(TOPIC, StringCodec.INSTANCE);
        topic.addListener(String.class, (channel, message) -> received(message));
        Gauge.builder("boxoffice.seat-updates.streams", subscribers,
                        streams -> streams.values().stream().mapToInt(List::size).sum())
                .description("Live seat-update streams open on this node").register(meters);
        this.sent = Counter.builder("boxoffice.seat-updates.sent")
                .description("Batches of seat changes written to this node's streams, one per stream").register(meters);
        this.flushes = Timer.builder("boxoffice.seat-updates.flush")
                .description("Time to pass one interval's changes on to every stream of this node").register(meters);
    }

    /** Tells every node, in one message; if Redis is away, at least this node's subscribers hear them. */
    public void publish(List<SeatChange> changes) {
        if (changes.isEmpty()) {
            return;
        }
        try {
            topic.publish(json.writeValueAsString(changes));
        } catch (RedisException e) {
            log.warn("Seat updates not published to other nodes: {}", e.getMessage());
            changes.forEach(this::record);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a seat change is plain data", e);
        }
    }

    /**
     * Subscribes to an event's seat updates. With {@code lastEventId}, first sends what happened after it, or a
     * {@code refetch} event when this node no longer remembers that far back.
     */
    public SseEmitter subscribe(String eventId, Long lastEventId) {
        SseEmitter emitter = new SseEmitter(Duration.ofMinutes(30).toMillis());
        List<SseEmitter> listeners = subscribers.computeIfAbsent(eventId, id -> new CopyOnWriteArrayList<>());
        emitter.onCompletion(() -> listeners.remove(emitter));
        emitter.onTimeout(() -> listeners.remove(emitter));
        emitter.onError(error -> listeners.remove(emitter));
        // first bytes at once: the browser knows it is connected, proxies see a live response; retry after 2 s
        send(emitter, SseEmitter.event().comment("listening").reconnectTime(2000));
        if (lastEventId != null) {
            catchUp(emitter, eventId, lastEventId);
        }
        listeners.add(emitter);
        return emitter;
    }

    private void catchUp(SseEmitter emitter, String eventId, long lastEventId) {
        History known = history.get(eventId);
        List<SeatChange> missed = known == null ? null : known.after(lastEventId);
        if (missed == null) {
            send(emitter, SseEmitter.event().name("refetch").data(Map.of("reason",
                    "updates after " + lastEventId + " are not known here; fetch the availability again")));
        } else if (!missed.isEmpty()) {
            send(emitter, batch(missed));
        }
    }

    /**
     * The recent changes of one event this node heard, and the position from which it heard all of them: before
     * it started listening, or before what it has forgotten, it cannot vouch for anything.
     */
    private static final class History {

        private final Deque<SeatChange> changes = new ArrayDeque<>();
        private final Set<Long> positions = new HashSet<>();
        private long completeAfter;

        History(long completeAfter) {
            this.completeAfter = completeAfter;
        }

        /**
         * False for a change heard before: projections deliver at least once (a segment that moves to another node
         * is processed again from its last saved token), and subscribers must not see a change twice.
         */
        synchronized boolean add(SeatChange change) {
            if (!positions.add(change.position())) {
                return false;
            }
            changes.addLast(change);
            if (changes.size() > HISTORY) {
                completeAfter = changes.removeFirst().position();
                positions.remove(completeAfter);
            }
            return true;
        }

        /** The changes after {@code position}, or null when some of them may have been missed. */
        synchronized List<SeatChange> after(long position) {
            if (position < completeAfter) {
                return null;
            }
            return changes.stream().filter(change -> change.position() > position).toList();
        }
    }

    private void received(String message) {
        try {
            messages.<List<SeatChange>>readValue(message).forEach(this::record);
        } catch (JsonProcessingException e) {
            log.warn("Ignored a seat update that is not one: {}", message);
        }
    }

    private void record(SeatChange change) {
        if (!history.computeIfAbsent(change.eventId(), id -> new History(change.position() - 1)).add(change)) {
            return;
        }
        pending.compute(change.eventId(), (id, changes) -> {
            List<SeatChange> batch = changes == null ? new ArrayList<>() : changes;
            batch.add(change);
            return batch;
        });
    }

    /** At most one message per event and interval ({@code boxoffice.seat-updates.interval}). */
    @Override
    public void configureTasks(ScheduledTaskRegistrar tasks) {
        tasks.addFixedDelayTask(this::flush, interval);
    }

    void flush() {
        flushes.record(this::flushPending);
    }

    private void flushPending() {
        for (String eventId : List.copyOf(pending.keySet())) {
            List<SeatChange> batch = pending.remove(eventId);
            List<SseEmitter> listeners = subscribers.getOrDefault(eventId, List.of());
            if (batch == null || batch.isEmpty() || listeners.isEmpty()) {
                continue;
            }
            Set<DataWithMediaType> event = batch(batch);
            listeners.forEach(emitter -> send(emitter, event));
            sent.increment(listeners.size());
        }
    }

    @Scheduled(fixedDelay = 15, initialDelay = 15, timeUnit = TimeUnit.SECONDS)
    void heartbeat() {
        subscribers.values().forEach(listeners -> listeners.forEach(emitter ->
                send(emitter, SseEmitter.event().comment("still here"))));
    }

    /**
     * One message: the changes in order, with the position of the last as its id. It is rendered once, not once per
     * subscriber, into one piece of text: with thousands of streams on a node, serializing per stream made a flush
     * take seconds, and an event built field by field is written and flushed field by field (a write per field, each
     * passed on by the proxy as a packet of its own), where one piece is one write per stream.
     */
    private Set<DataWithMediaType> batch(List<SeatChange> changes) {
        List<SeatChange> ordered = changes.stream().sorted(Comparator.comparingLong(SeatChange::position))
                .toList();
        Map<String, Object> data = Map.of("changes", ordered.stream().map(change -> change.heldUntil() == null
                ? Map.of("seatId", change.seatId(), "status", change.status())
                : Map.of("seatId", change.seatId(), "status", change.status(),
                "heldUntil", change.heldUntil())).toList());
        try {
            String frame = "id:" + ordered.get(ordered.size() - 1).position() + "\nevent:seats\ndata:"
                    + json.writeValueAsString(data) + "\n\n";
            return Set.of(new DataWithMediaType(frame, UTF8_TEXT));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a seat change is plain data", e);
        }
    }

    private static void send(SseEmitter emitter, SseEmitter.SseEventBuilder event) {
        send(emitter, event.build());
    }

    private static void send(SseEmitter emitter, Set<DataWithMediaType> event) {
        try {
            emitter.send(event);
        } catch (IOException | IllegalStateException gone) {
            emitter.completeWithError(gone);
        }
    }

    @Override
    public void destroy() {
        subscribers.values().forEach(listeners -> listeners.forEach(SseEmitter::complete));
    }
}
