package io.boxoffice.app.runtime;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

/**
 * {@code GET /api/admin/database/stats} (ADMIN): PostgreSQL's own counters for this database (transactions
 * committed and rolled back, rows written), so that load tests and operators can tell what a workload cost it.
 */
@RestController
public class DatabaseStatsController {

    private final JdbcTemplate jdbc;

    public DatabaseStatsController(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @GetMapping("/api/admin/database/stats")
    public Map<String, Object> stats() {
        // pg_stat_database is updated when a backend reports, at most every second: callers wait a moment
        return jdbc.queryForMap("""
                SELECT xact_commit AS "transactionsCommitted", xact_rollback AS "transactionsRolledBack",
                       tup_inserted AS "rowsInserted", tup_updated AS "rowsUpdated", tup_deleted AS "rowsDeleted"
                FROM pg_stat_database WHERE datname = current_database()""");
    }
}
