package io.boxoffice.query;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * {@code boxoffice.query.datasource.*}: where browsing reads.
 *
 * @param url             a read replica's JDBC URL; unset: browsing reads the primary
 * @param username        the replica's user
 * @param password        the replica's password
 * @param maximumPoolSize connections to the replica
 * @param connectTimeout  how long browsing waits for a connection to the replica before it reads the primary
 * @param primaryFallback once the replica did not answer, how long browsing reads the primary before trying it again
 */
@Validated
@ConfigurationProperties("boxoffice.query.datasource")
public record QueryDataSourceProperties(String url, String username, String password,
                                        @Min(1) @DefaultValue("20") int maximumPoolSize,
                                        @DefaultValue("1s") Duration connectTimeout,
                                        @DefaultValue("5s") Duration primaryFallback) {
}
