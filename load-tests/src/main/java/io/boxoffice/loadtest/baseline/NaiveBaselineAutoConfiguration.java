package io.boxoffice.loadtest.baseline;

import io.boxoffice.command.catalog.SeatingCatalog;
import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.DependsOn;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import javax.sql.DataSource;

/**
 * The naive baseline, in a Boxoffice node only when this jar is on its class path (load-tests/run.sh puts it there;
 * the production jar does not carry it). Its tables have their own Flyway history, so that a database a benchmark
 * ran on still validates against the product's migrations alone. It needs the seating catalog of the command side,
 * so it serves on the nodes that run commands.
 */
@AutoConfiguration(after = FlywayAutoConfiguration.class)
@ConditionalOnBean(SeatingCatalog.class)
public class NaiveBaselineAutoConfiguration {

    /** Migrates the baseline's tables (after the product's migrations: they share the database) and serves them. */
    @Bean
    @DependsOn("flywayInitializer")
    NaiveReservations naiveReservations(DataSource dataSource, JdbcTemplate jdbc, TransactionTemplate transactions,
                                        SeatingCatalog catalog, Clock clock,
                                        @Value("${boxoffice.hold-duration:PT10M}") Duration holdDuration) {
        Flyway.configure().dataSource(dataSource).locations("classpath:db/baseline").table("baseline_schema_history")
                .baselineOnMigrate(true).baselineVersion("0").load().migrate();
        return new NaiveReservations(jdbc, transactions, catalog, clock, holdDuration);
    }

    @Bean
    BaselineController baselineController(NaiveReservations reservations,
                                          @Value("${boxoffice.baseline.webhook-secret:}") String webhookSecret) {
        return new BaselineController(reservations, webhookSecret);
    }
}
