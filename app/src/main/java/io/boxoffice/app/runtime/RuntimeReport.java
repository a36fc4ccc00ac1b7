package io.boxoffice.app.runtime;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.redisson.api.RedissonClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.thread.Threading;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import redis.embedded.RedisServer;

/** One start-up line that tells an operator which mode runs and where its state lives. */
@Component
class RuntimeReport {

    private static final Logger log = LoggerFactory.getLogger(RuntimeReport.class);

    private final ObjectProvider<EmbeddedPostgres> embeddedPostgres;
    private final ObjectProvider<RedisServer> embeddedRedis;
    private final RedissonClient redisson;
    private final Environment environment;
    private final EmbeddedProperties embedded;

    RuntimeReport(ObjectProvider<EmbeddedPostgres> embeddedPostgres, ObjectProvider<RedisServer> embeddedRedis,
                  RedissonClient redisson, Environment environment, EmbeddedProperties embedded) {
        this.embedded = embedded;
        this.embeddedPostgres = embeddedPostgres;
        this.embeddedRedis = embeddedRedis;
        this.redisson = redisson;
        this.environment = environment;
    }

    @EventListener
    void ready(ApplicationReadyEvent ready) {
        String postgres = embeddedPostgres.getIfAvailable() != null
                ? "embedded PostgreSQL (data in " + embedded.dataDir() + ")"
                : "PostgreSQL at " + environment.getProperty("spring.datasource.url");
        String redis = (embeddedRedis.getIfAvailable() != null ? "embedded Redis at " : "Redis at ")
                + redisson.getConfig().useSingleServer().getAddress();
        int port = ready.getApplicationContext() instanceof WebServerApplicationContext web
                ? web.getWebServer().getPort() : -1;
        String threads = Threading.VIRTUAL.isActive(environment) ? "virtual threads" : "platform threads";
        log.info("Boxoffice is ready on http://localhost:{} with {} and {}; requests run on {} (Java {})", port,
                postgres, redis, threads, Runtime.version().feature());
    }
}
