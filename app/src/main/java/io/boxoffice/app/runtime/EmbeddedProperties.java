package io.boxoffice.app.runtime;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.nio.file.Path;
import java.util.Map;

/**
 * {@code boxoffice.embedded.*}: the embedded default (no {@code spring.datasource.url}).
 *
 * @param dataDir          where the embedded PostgreSQL keeps its data, and the default its kept secrets and passwords
 * @param postgresSettings server settings of the embedded PostgreSQL by name with dashes for underscores, e.g.
 *                         {@code shared-preload-libraries: pg_stat_statements} for the load tests' count of
 *                         statements per hold
 * @param seatShards       how many seat shards to run, each an embedded PostgreSQL (the first is the primary
 *                         database), unless {@code boxoffice.seat-shards} names them
 */
@Validated
@ConfigurationProperties("boxoffice.embedded")
public record EmbeddedProperties(@NotNull @DefaultValue("data") Path dataDir,
                                 @NotNull @DefaultValue Map<String, String> postgresSettings,
                                 @Positive @Max(8) @DefaultValue("1") int seatShards) {
}
