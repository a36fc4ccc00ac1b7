package io.boxoffice.app.runtime;

import io.boxoffice.app.shard.SeatShardProperties;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The embedded default's seat shards beyond the primary database ({@code boxoffice.embedded.seat-shards}), each an
 * embedded PostgreSQL of its own, for trying shards on one machine.
 */
public record EmbeddedSeatShards(List<EmbeddedPostgres> servers) implements AutoCloseable {

    /** The shards as if configured: the primary database first, then {@code shard-1}, {@code shard-2}… */
    public List<SeatShardProperties.Shard> asSettings() {
        List<SeatShardProperties.Shard> shards = new ArrayList<>();
        shards.add(SeatShardProperties.Shard.at(null, null, null));
        servers.forEach(server -> shards.add(SeatShardProperties.Shard.at(server.getJdbcUrl("postgres", "postgres"),
                "postgres", "postgres")));
        return shards;
    }

    @Override
    public void close() {
        for (EmbeddedPostgres server : servers) {
            try {
                server.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
