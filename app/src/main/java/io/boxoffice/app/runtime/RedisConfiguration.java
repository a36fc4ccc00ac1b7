package io.boxoffice.app.runtime;

import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.config.Config;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.data.redis.RedisProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import redis.embedded.RedisServer;

import java.io.IOException;
import java.net.ServerSocket;

/**
 * Redis for the seat gate. With {@code spring.data.redis.url} or {@code spring.data.redis.host} set, Redisson
 * connects there; otherwise an embedded Redis server starts on a free loopback port.
 * <p>
 * Timeouts are short on purpose: Redis is only a filter (I5), and a reservation that cannot reach it should go
 * to the aggregates quickly rather than wait.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RedisProperties.class)
public class RedisConfiguration {

    private static final Logger log = LoggerFactory.getLogger(RedisConfiguration.class);

    @Bean(destroyMethod = "stop")
    @Conditional(NoRedisConfigured.class)
    RedisServer embeddedRedis() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        RedisServer server = RedisServer.newRedisServer()
                .port(port)
                .bind("127.0.0.1")
                .setting("save \"\"")
                .setting("appendonly no")
                .build();
        server.start();
        log.info("Embedded mode: Redis started on 127.0.0.1:{} (the seat gate keeps nothing it cannot lose)", port);
        return server;
    }

    @Bean(destroyMethod = "shutdown")
    RedissonClient redisson(RedisProperties redis, ObjectProvider<RedisServer> embedded) {
        String address;
        if (embedded.getIfAvailable() != null) {
            address = "redis://127.0.0.1:" + embedded.getObject().ports().get(0);
        } else if (redis.getUrl() != null) {
            address = redis.getUrl();
        } else {
            address = (redis.getSsl().isEnabled() ? "rediss://" : "redis://") + redis.getHost() + ":" + redis.getPort();
            log.info("Redis at {}", address);
        }
        Config config = new Config();
        config.setLazyInitialization(true); // start even while Redis is down: the gate is optional
        config.setUseScriptCache(true); // scripts by their SHA (EVALSHA), loaded again after a flush or restart
        config.useSingleServer()
                .setAddress(address)
                .setUsername(redis.getUsername())
                .setPassword(redis.getPassword())
                .setConnectTimeout(1_000)
                .setTimeout(500)
                .setRetryAttempts(1)
                .setRetryInterval(100);
        return Redisson.create(config);
    }

    static class NoRedisConfigured implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            Environment environment = context.getEnvironment();
            return !environment.containsProperty("spring.data.redis.url")
                    && !environment.containsProperty("spring.data.redis.host");
        }
    }
}
