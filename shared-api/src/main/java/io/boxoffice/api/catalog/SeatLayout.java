package io.boxoffice.api.catalog;

import org.apache.commons.codec.digest.MurmurHash3;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where an event's seats are decided: its buckets and the seat shards they are spread over, fixed when the event is
 * created (recorded in {@link EventCreated}) so that configuring more shards later never moves a seat.
 * <p>
 * A bucket is a set of whole sections, so a row never spans two: each section is a bucket of its own unless the
 * organizer grouped it with others under one bucket name. A bucket lies on
 * {@code shards[floorMod(murmur3_32(eventId + "/" + bucket), shards.size())]}, MurmurHash3 x86 32-bit of the UTF-8
 * bytes with seed 0: a stable rule that any node or tool computes alike.
 *
 * @param shards the seat shards' names, in the order configured when the event was created
 * @param bucketBySection the organizer's groups: a grouped section's bucket; sections in none are buckets of their own
 */
public record SeatLayout(List<String> shards, Map<String, String> bucketBySection) {

    public SeatLayout {
        shards = List.copyOf(shards);
        bucketBySection = bucketBySection == null ? Map.of() : Map.copyOf(bucketBySection);
    }

    /** A layout of the organizer's groups (bucket name to its sections) over these shards. */
    public static SeatLayout of(List<String> shards, Map<String, List<String>> groups) {
        Map<String, String> bucketBySection = new HashMap<>();
        groups.forEach((bucket, sections) -> sections.forEach(section -> bucketBySection.put(section, bucket)));
        return new SeatLayout(shards, bucketBySection);
    }

    /** The bucket of a seat: its section's group, or its section ({@code <sectionId>-<row>-<number>}). */
    public String bucketOf(String seatId) {
        int dash = seatId.indexOf('-');
        String section = dash < 0 ? seatId : seatId.substring(0, dash);
        return bucketBySection.getOrDefault(section, section);
    }

    /** The name of the shard a bucket of this event lies on. */
    public String shardOf(String eventId, String bucket) {
        byte[] key = (eventId + "/" + bucket).getBytes(StandardCharsets.UTF_8);
        return shards.get(Math.floorMod(MurmurHash3.hash32x86(key), shards.size()));
    }
}
