package io.boxoffice.app.shard;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.StreamableMessageSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * One seat shard's events, in a stream that outlives the shard's outages: when the shard cannot be read, the stream
 * says it has nothing for now (so the other shards' events keep flowing through the processors), and after
 * {@code retryAfter} opens the shard's stream again where its last event handed out left off. Nothing is skipped:
 * the processors' token advances only with events handed out.
 */
final class ResilientEventStream implements BlockingStream<TrackedEventMessage<?>> {

    private static final Logger log = LoggerFactory.getLogger(ResilientEventStream.class);

    private final Source source;
    private TrackingToken position;
    private BlockingStream<TrackedEventMessage<?>> open;
    private Instant closedUntil = Instant.MIN;

    private ResilientEventStream(Source source, TrackingToken position) {
        this.source = source;
        this.position = position;
    }

    /** A shard's events, opened as resilient streams. */
    record Source(String name, StreamableMessageSource<TrackedEventMessage<?>> events, Duration retryAfter)
            implements StreamableMessageSource<TrackedEventMessage<?>> {

        @Override
        public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken token) {
            return new ResilientEventStream(this, token);
        }

        @Override
        public TrackingToken createTailToken() {
            return events.createTailToken();
        }

        @Override
        public TrackingToken createHeadToken() {
            return events.createHeadToken();
        }

        @Override
        public TrackingToken createTokenAt(Instant dateTime) {
            return events.createTokenAt(dateTime);
        }
    }

    /** The shard's stream, opened again if it was closed by a failure long enough ago; none while it is down. */
    private Optional<BlockingStream<TrackedEventMessage<?>>> stream() {
        if (open == null && Instant.now().isAfter(closedUntil)) {
            try {
                open = source.events().openStream(position);
            } catch (RuntimeException e) {
                failed(e);
            }
        }
        return Optional.ofNullable(open);
    }

    private void failed(RuntimeException e) {
        if (open != null) {
            try {
                open.close();
            } catch (RuntimeException ignored) {
                // the shard is gone already; nothing to give back
            }
            open = null;
        }
        if (Instant.now().isAfter(closedUntil)) {
            log.warn("Seat shard {} cannot be read ({}); its events wait, the other shards' go on", source.name(),
                    e.toString());
        }
        closedUntil = Instant.now().plus(source.retryAfter());
    }

    @Override
    public boolean hasNextAvailable() {
        try {
            return stream().map(BlockingStream::hasNextAvailable).orElse(false);
        } catch (RuntimeException e) {
            failed(e);
            return false;
        }
    }

    @Override
    public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
        Optional<BlockingStream<TrackedEventMessage<?>>> stream = stream();
        if (stream.isEmpty()) {
            unit.sleep(timeout); // the caller asked to wait this long for events; this shard has none for now
            return false;
        }
        try {
            return stream.get().hasNextAvailable(timeout, unit);
        } catch (RuntimeException e) {
            failed(e);
            return false;
        }
    }

    @Override
    public Optional<TrackedEventMessage<?>> peek() {
        try {
            return stream().flatMap(BlockingStream::peek);
        } catch (RuntimeException e) {
            failed(e);
            return Optional.empty();
        }
    }

    @Override
    public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
        BlockingStream<TrackedEventMessage<?>> stream = stream().orElseThrow(() ->
                new IllegalStateException("seat shard " + source.name() + " has no event to hand out now"));
        TrackedEventMessage<?> next = stream.nextAvailable();
        position = next.trackingToken();
        return next;
    }

    @Override
    public void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> ignoredMessage) {
        stream().ifPresent(stream -> stream.skipMessagesWithPayloadTypeOf(ignoredMessage));
    }

    @Override
    public boolean setOnAvailableCallback(Runnable callback) {
        return false; // the stream may be replaced; the processors poll it
    }

    @Override
    public void close() {
        if (open != null) {
            open.close();
            open = null;
        }
    }
}
