package io.boxoffice.app.shard;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;
import java.util.List;

/**
 * {@code boxoffice.seat-shards[n].*}: the PostgreSQL instances seats are decided on (docs/seat-shards.md). None
 * configured: one, the primary database. Entry 0 is always the primary database ({@code spring.datasource.*}) and
 * has no URL of its own; the others each have their own, with an event store the application migrates itself.
 * Shard names are recorded in each event created, so a shard keeps its name for as long as its events are kept.
 *
 * @param seatShards           the shards, the primary database first
 * @param seatShardRetryAfter  how long a shard found unreachable is refused without trying (503, {@code Retry-After})
 */
@Validated
@ConfigurationProperties("boxoffice")
public record SeatShardProperties(@NotNull @DefaultValue List<@Valid @NotNull Shard> seatShards,
                                  @NotNull @DefaultValue("PT5S") Duration seatShardRetryAfter) {

    /**
     * @param name              how events and reservation ids record the shard: up to 20 letters, digits and dashes
     * @param url               its JDBC URL; none for entry 0, the primary database
     * @param maximumPoolSize   connections to it per node
     * @param connectionTimeout how long a request waits for a connection before the shard counts as unreachable
     */
    public record Shard(@Pattern(regexp = NAME) String name, String url, String username, String password,
                        @Positive @DefaultValue(MAXIMUM_POOL_SIZE) int maximumPoolSize,
                        @NotNull @DefaultValue(CONNECTION_TIMEOUT) Duration connectionTimeout) {

        public static final String NAME = "[a-z][a-z0-9-]{0,19}";
        static final String MAXIMUM_POOL_SIZE = "20";
        static final String CONNECTION_TIMEOUT = "PT2S";

        /** A shard at this address with the defaults; without a name it is named by its place in the list. */
        public static Shard at(String url, String username, String password) {
            return new Shard(null, url, username, password, Integer.parseInt(MAXIMUM_POOL_SIZE),
                    Duration.parse(CONNECTION_TIMEOUT));
        }
    }
}
