package io.boxoffice.app.shard;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.MultiSourceTrackingToken;
import org.axonframework.eventhandling.MultiStreamableMessageSource;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.StreamableMessageSource;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * What every streaming processor reads (projections, the payment saga, the fans' allowances): the events of every
 * seat shard. With one shard it is the event store itself and its tokens are the store's own. With more it is Axon's
 * {@link MultiStreamableMessageSource}: one token holds a position per shard, in the primary database's token store,
 * and a replay resets that one token. Order across shards means nothing to any handler (each follows an aggregate,
 * and a reservation and its seats lie on one shard), so the events of several shards interleave by time.
 * <p>
 * The primary database's stream is the one waited on, since this node is told at once of what it appends there; the
 * others are looked at in turn. A shard that cannot be reached holds back its own events only
 * ({@link ResilientEventStream}). Tokens stored before a change in the number of shards are carried over: a single
 * store's token is the primary's position, and with one shard again the primary's position is the token.
 */
public class SeatShardEventSource implements StreamableMessageSource<TrackedEventMessage<?>> {

    private final String primaryName;
    private final StreamableMessageSource<TrackedEventMessage<?>> all;
    private final boolean sharded;

    /**
     * @param primary the primary database's event store (named {@code primaryName})
     * @param others  every other shard's events, by shard name
     */
    public SeatShardEventSource(String primaryName, StreamableMessageSource<TrackedEventMessage<?>> primary,
                                Map<String, StreamableMessageSource<TrackedEventMessage<?>>> others,
                                Duration retryAfter) {
        this.primaryName = primaryName;
        this.sharded = !others.isEmpty();
        if (sharded) {
            MultiStreamableMessageSource.Builder builder = MultiStreamableMessageSource.builder();
            builder.addMessageSource(primaryName, primary);
            others.forEach((name, source) -> builder.addMessageSource(name,
                    new ResilientEventStream.Source(name, source, retryAfter)));
            this.all = builder.longPollingSource(primaryName).build();
        } else {
            this.all = primary;
        }
    }

    @Override
    public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken token) {
        return all.openStream(carriedOver(token));
    }

    private TrackingToken carriedOver(TrackingToken token) {
        if (token == null) {
            return null;
        }
        if (sharded) {
            return token instanceof MultiSourceTrackingToken ? token
                    : new MultiSourceTrackingToken(Map.of(primaryName, token));
        }
        return token instanceof MultiSourceTrackingToken positions ? positions.getTokenForStream(primaryName) : token;
    }

    @Override
    public TrackingToken createTailToken() {
        return all.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return all.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return all.createTokenAt(dateTime);
    }

    @Override
    public TrackingToken createTokenSince(Duration duration) {
        return all.createTokenSince(duration);
    }
}
