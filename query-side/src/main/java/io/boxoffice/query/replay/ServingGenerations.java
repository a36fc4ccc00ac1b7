package io.boxoffice.query.replay;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which generation of each read model serves, as the {@code read_model_generation} table says (readers never ask: the
 * views already select from it). This node remembers it, so that only the serving generation's projection tells
 * live subscribers of changes.
 */
@Component
public class ServingGenerations {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final Map<String, Generation> serving = new ConcurrentHashMap<>();

    public ServingGenerations(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactions);
    }

    public Generation serving(ReadModel model) {
        return serving.computeIfAbsent(model.name(), name -> Generation.valueOf(jdbc.queryForObject(
                "SELECT serving FROM read_model_generation WHERE read_model = ?", String.class, name)));
    }

    public boolean serves(ReadModel model, Generation generation) {
        return serving(model) == generation;
    }

    /** Readers see {@code generation} from the next statement on: every view and the record move in one transaction. */
    void switchTo(ReadModel model, Generation generation) {
        transactions.executeWithoutResult(status -> {
            model.tables().forEach(table -> jdbc.execute("CREATE OR REPLACE VIEW %s AS SELECT * FROM %s%s"
                    .formatted(table, table, generation.tableSuffix())));
            jdbc.update("UPDATE read_model_generation SET serving = ? WHERE read_model = ?", generation.name(),
                    model.name());
        });
        remember(model, generation);
    }

    /** What another node switched to. */
    void remember(ReadModel model, Generation generation) {
        serving.put(model.name(), generation);
    }

    /** Empties one generation's tables, for a replay to fill them from the first event. */
    public void truncate(ReadModel model, Generation generation) {
        jdbc.execute("TRUNCATE " + String.join(", ", model.tables().stream()
                .map(table -> table + generation.tableSuffix()).toList()));
    }
}
