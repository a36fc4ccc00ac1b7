package io.boxoffice.app.shard;

import io.boxoffice.command.shard.SeatShard;
import io.boxoffice.command.shard.SeatShards;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The event store of every seat shard behind one {@link EventStorageEngine}: an aggregate's events are appended to
 * and read from the shard it lies on ({@link SeatShards#forAggregate}). Events without an aggregate go where the
 * aggregates of their batch go, or to the primary database.
 * <p>
 * A unit of work writes to one shard only, the one whose transaction it runs in
 * ({@link SeatShardTransactionManager}): that is what keeps a reservation and its seats one atomic decision. A batch
 * that would span shards, or land outside its command's shard, is a routing mistake and fails before anything is
 * written. Streaming reads the primary database's events only; the processors read every shard through
 * {@link SeatShardEventSource}.
 */
public class RoutingEventStorageEngine implements EventStorageEngine {

    private final SeatShards shards;
    private final Map<SeatShard, EventStorageEngine> engines;
    private final EventStorageEngine primary;

    public RoutingEventStorageEngine(SeatShards shards, Map<SeatShard, EventStorageEngine> engines) {
        this.shards = shards;
        this.engines = Map.copyOf(engines);
        this.primary = engines.get(shards.primary());
    }

    @Override
    public void appendEvents(List<? extends EventMessage<?>> events) {
        SeatShard shard = null;
        for (EventMessage<?> event : events) {
            if (event instanceof DomainEventMessage<?> domain && domain.getAggregateIdentifier() != null) {
                SeatShard owner = shards.forAggregate(domain.getAggregateIdentifier());
                if (shard != null && shard != owner) {
                    throw new IllegalStateException("one unit of work appends to " + shard + " and " + owner);
                }
                shard = owner;
            }
        }
        SeatShard target = shard == null ? shards.primary() : shard;
        SeatShardTransactionManager.shardOfCurrentCommand().filter(command -> command != target).ifPresent(command -> {
            throw new IllegalStateException("a command decided on " + command + " appends to " + target);
        });
        engines.get(target).appendEvents(events);
    }

    @Override
    public DomainEventStream readEvents(String aggregateIdentifier, long firstSequenceNumber) {
        return engineOf(aggregateIdentifier).readEvents(aggregateIdentifier, firstSequenceNumber);
    }

    @Override
    public Optional<DomainEventMessage<?>> readSnapshot(String aggregateIdentifier) {
        return engineOf(aggregateIdentifier).readSnapshot(aggregateIdentifier);
    }

    @Override
    public void storeSnapshot(DomainEventMessage<?> snapshot) {
        engineOf(snapshot.getAggregateIdentifier()).storeSnapshot(snapshot);
    }

    @Override
    public Optional<Long> lastSequenceNumberFor(String aggregateIdentifier) {
        return engineOf(aggregateIdentifier).lastSequenceNumberFor(aggregateIdentifier);
    }

    private EventStorageEngine engineOf(String aggregateIdentifier) {
        return engines.get(shards.forAggregate(aggregateIdentifier));
    }

    /** One shard's event store alone. */
    EventStorageEngine engineOn(SeatShard shard) {
        return engines.get(shard);
    }

    @Override
    public Stream<? extends TrackedEventMessage<?>> readEvents(TrackingToken trackingToken, boolean mayBlock) {
        return primary.readEvents(trackingToken, mayBlock);
    }

    @Override
    public TrackingToken createTailToken() {
        return primary.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return primary.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return primary.createTokenAt(dateTime);
    }
}
