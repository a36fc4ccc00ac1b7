package io.boxoffice.api.catalog;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The documented rule of docs/seat-shards.md. The expected shards were computed apart from this code, by another
 * implementation of MurmurHash3 x86 32-bit (seed 0) of {@code "event-1/<bucket>"} taken modulo the number of shards,
 * never negative: a tool that follows the documentation finds the same shards.
 */
class SeatLayoutTest {

    private static final List<String> TWO = List.of("primary", "shard-1");
    private static final List<String> THREE = List.of("primary", "shard-1", "shard-2");

    @Test
    void aBucketLiesOnTheShardItsHashNames() {
        SeatLayout two = new SeatLayout(TWO, Map.of());
        assertThat(List.of("A", "B", "C", "D", "E", "F").stream().map(bucket -> two.shardOf("event-1", bucket)))
                .containsExactly("shard-1", "primary", "shard-1", "primary", "shard-1", "primary");
        SeatLayout three = new SeatLayout(THREE, Map.of());
        assertThat(List.of("A", "B", "C", "D", "E", "F").stream().map(bucket -> three.shardOf("event-1", bucket)))
                .containsExactly("shard-2", "primary", "primary", "shard-2", "primary", "shard-1");
    }

    @Test
    void aSectionIsABucketUnlessItsOrganizerGroupedIt() {
        SeatLayout layout = SeatLayout.of(TWO, Map.of("north", List.of("A", "B")));
        assertThat(layout.bucketOf("A-1-1")).isEqualTo("north");
        assertThat(layout.bucketOf("B-12-3")).isEqualTo("north");
        assertThat(layout.bucketOf("C-1-1")).isEqualTo("C");
        assertThat(layout.shardOf("event-1", layout.bucketOf("B-1-1"))).isEqualTo("shard-1");
    }

    @Test
    void oneShardHoldsEveryBucket() {
        SeatLayout one = new SeatLayout(List.of("primary"), null);
        assertThat(List.of("A", "B", "north", "Z_9").stream().map(bucket -> one.shardOf("any-event", bucket)))
                .containsOnly("primary");
    }
}
