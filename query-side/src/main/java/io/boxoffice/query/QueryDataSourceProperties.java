package io.boxoffice.query;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code boxoffice.query.datasource.*}: where browsing reads.
 *
 * @param url             a read replica's JDBC URL; unset: browsing reads the primary
 * @param username        the replica's user
 * @param password        the replica's password
 * @param maximumPoolSize connections to the replica
 */
@Validated
@ConfigurationProperties("boxoffice.query.datasource")
public record QueryDataSourceProperties(String url, String username, String password,
                                        @Min(1) @DefaultValue("20") int maximumPoolSize) {
}
