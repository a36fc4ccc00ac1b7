package io.boxoffice.app.runtime;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.nio.file.Path;

/**
 * {@code boxoffice.embedded.*}: the embedded default (no {@code spring.datasource.url}).
 *
 * @param dataDir where the embedded PostgreSQL keeps its data, and the default its kept secrets and passwords
 */
@Validated
@ConfigurationProperties("boxoffice.embedded")
public record EmbeddedProperties(@NotNull @DefaultValue("data") Path dataDir) {
}
