package io.boxoffice.query;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.datasource.AbstractDataSource;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;

/**
 * Browsing's connections: from the read replica while it answers; when it does not (stopped, failing over,
 * unreachable), from the primary for a while, then the replica is tried again. Browsing goes on through a replica's
 * outage at the cost of load on the primary, which the edge's cache keeps to about a request a second per URL.
 */
final class ReplicaFirstDataSource extends AbstractDataSource {

    private static final Logger log = LoggerFactory.getLogger(ReplicaFirstDataSource.class);

    private final DataSource replica;
    private final DataSource primary;
    private final Duration primaryFor;
    private final Clock clock;
    /** Until when browsing reads the primary; the epoch while the replica answers. */
    private final AtomicReference<Instant> primaryUntil = new AtomicReference<>(Instant.EPOCH);

    ReplicaFirstDataSource(DataSource replica, DataSource primary, Duration primaryFor, Clock clock) {
        this.replica = replica;
        this.primary = primary;
        this.primaryFor = primaryFor;
        this.clock = clock;
    }

    @Override
    public Connection getConnection() throws SQLException {
        Instant now = clock.instant();
        Instant until = primaryUntil.get();
        if (now.isBefore(until)) {
            return primary.getConnection();
        }
        try {
            Connection connection = replica.getConnection();
            if (!until.equals(Instant.EPOCH) && primaryUntil.compareAndSet(until, Instant.EPOCH)) {
                log.info("The read replica answers again: browsing reads it");
            }
            return connection;
        } catch (SQLException unavailable) {
            if (primaryUntil.compareAndSet(until, now.plus(primaryFor))) {
                log.warn("The read replica does not answer ({}): browsing reads the primary for {}",
                        unavailable.getMessage(), primaryFor);
            }
            return primary.getConnection();
        }
    }

    @Override
    public Connection getConnection(String username, String password) {
        throw new UnsupportedOperationException("browsing connects with the configured users only");
    }
}
