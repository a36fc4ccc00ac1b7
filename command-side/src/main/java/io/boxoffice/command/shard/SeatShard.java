package io.boxoffice.command.shard;

import org.axonframework.common.transaction.TransactionManager;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;

/**
 * One seat shard: a PostgreSQL instance with an event store of its own, where the seats of its buckets and their
 * reservations are decided, each request in one transaction of its own on this instance. The first shard is the
 * primary database, which also keeps everything else (catalog, fans' allowances, tokens, sagas, read models).
 */
public final class SeatShard {

    private final String name;
    private final int index;
    private final JdbcTemplate jdbc;
    private final TransactionManager transactions;
    /** Until when requests are refused without trying, after the shard could not be reached. */
    private volatile Instant unreachableUntil = Instant.MIN;

    public SeatShard(String name, int index, JdbcTemplate jdbc, TransactionManager transactions) {
        this.name = name;
        this.index = index;
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    public String name() {
        return name;
    }

    public boolean isPrimary() {
        return index == 0;
    }

    /** Statements on this shard's database, inside the transaction of the command it runs, if any. */
    public JdbcTemplate jdbc() {
        return jdbc;
    }

    /** Transactions on this shard's database: a command that decides seats of this shard runs in one. */
    public TransactionManager transactions() {
        return transactions;
    }

    boolean reachableAt(Instant now) {
        return now.isAfter(unreachableUntil);
    }

    void unreachableUntil(Instant until) {
        unreachableUntil = until;
    }

    @Override
    public String toString() {
        return "seat shard " + name;
    }
}
