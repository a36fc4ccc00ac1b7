package io.boxoffice.query;

import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Clock;
import javax.sql.DataSource;

/**
 * Where browsing reads: {@code boxoffice.query.datasource.url} (with {@code .username}, {@code .password},
 * {@code .maximum-pool-size}) points it at a read replica; by default it reads the primary. Projections always
 * write to the primary, and a fan's own reservations are read there too, so that what they were just told is
 * what they read back. While the replica does not answer, browsing reads the primary ({@link ReplicaFirstDataSource}).
 */
@Configuration(proxyBeanMethods = false)
public class QueryDataSourceConfiguration {

    private static final Logger log = LoggerFactory.getLogger(QueryDataSourceConfiguration.class);

    /**
     * The JDBC access of browsing reads, a type of its own so that it never replaces the primary's; it closes the
     * replica's pool, when it has one, with the context.
     */
    public record QueryJdbc(JdbcTemplate jdbc, HikariDataSource replicaPool) implements AutoCloseable {

        @Override
        public void close() {
            if (replicaPool != null) {
                replicaPool.close();
            }
        }
    }

    @Bean
    QueryJdbc queryJdbc(QueryDataSourceProperties settings, JdbcTemplate primary, Clock clock) {
        String url = settings.url();
        if (url == null || url.isBlank()) {
            return new QueryJdbc(primary, null);
        }
        HikariDataSource replica = new HikariDataSource();
        replica.setPoolName("query-replica");
        replica.setJdbcUrl(url);
        replica.setUsername(settings.username());
        replica.setPassword(settings.password());
        replica.setMaximumPoolSize(settings.maximumPoolSize());
        replica.setReadOnly(true);
        // a replica that does not answer is known within a second, and browsing turns to the primary
        replica.setConnectionTimeout(settings.connectTimeout().toMillis());
        log.info("Browsing reads from {}", url);
        DataSource replicaFirst = new ReplicaFirstDataSource(replica, primary.getDataSource(),
                settings.primaryFallback(), clock);
        return new QueryJdbc(new JdbcTemplate(replicaFirst), replica);
    }
}
