package io.boxoffice.app.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import redis.embedded.RedisServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.List;

/**
 * One real PostgreSQL and one real Redis for all integration tests of this JVM, started on first use. The
 * application runs against them as it would against external servers; tests may stop and restart Redis.
 */
public final class TestServers {

    /** Shared by every node of a test, like a secret shared by a real deployment. */
    public static final String TOKEN_SECRET = "integration-tests-secret-of-at-least-32-bytes";
    public static final String WEBHOOK_SECRET = "whsec_integration_tests";
    /** The first administrator's, as an operator configures it. */
    public static final String ADMIN_PASSWORD = "operators-own-secret-of-the-tests";
    /** The naive baseline's (load-tests only): the webhook its stand-in gateway signs. */
    public static final String BASELINE_WEBHOOK_SECRET = "baseline-webhook-secret";

    private static EmbeddedPostgres postgres;
    private static RedisServer redis;
    private static int redisPort;

    private TestServers() {
    }

    public static synchronized EmbeddedPostgres postgres() {
        if (postgres == null) {
            try {
                // Not zonky's own JVM shutdown hook: JVM hooks run concurrently, so it stopped PostgreSQL at once
                // while Spring's hook was still closing the cached contexts one by one, each of them then waiting
                // on connections that could not come (Axon, db-scheduler, scheduled tasks: over 30 s in all).
                // Spring Boot's shutdown handlers run after every context is closed.
                postgres = EmbeddedPostgres.builder().setRegisterShutdownHook(false).start();
                EmbeddedPostgres started = postgres;
                SpringApplication.getShutdownHandlers().add(() -> stop(started));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return postgres;
    }

    private static void stop(EmbeddedPostgres postgres) {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static synchronized int redisPort() {
        if (redis == null) {
            try (ServerSocket socket = new ServerSocket(0)) {
                redisPort = socket.getLocalPort();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            startRedis();
        }
        return redisPort;
    }

    public static synchronized void stopRedis() {
        try {
            redis.stop();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts Redis on the same port again, empty, as after a restart or failover. */
    public static synchronized void startRedis() {
        try {
            redis = RedisServer.newRedisServer().port(redisPort).bind("127.0.0.1")
                    .setting("save \"\"").setting("appendonly no").build();
            redis.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The external configuration of a node of the test deployment. */
    public static List<String> nodeProperties() {
        return List.of(
                "spring.datasource.url=" + postgres().getJdbcUrl("postgres", "postgres"),
                "spring.datasource.username=postgres",
                "spring.datasource.password=postgres",
                "spring.data.redis.host=127.0.0.1",
                "spring.data.redis.port=" + redisPort(),
                "boxoffice.auth.issuer.secret=" + TOKEN_SECRET,
                "boxoffice.auth.admin-password=" + ADMIN_PASSWORD,
                "boxoffice.payment.webhook-secret=" + WEBHOOK_SECRET,
                "boxoffice.baseline.webhook-secret=" + BASELINE_WEBHOOK_SECRET,
                "boxoffice.tickets.signing-secret=ticket-codes-secret-of-at-least-32-bytes",
                "boxoffice.waiting-room.signing-secret=admission-tokens-secret-of-at-least-32-bytes",
                "boxoffice.demo-data.enabled=false");
    }

    /** Points a Spring context at the shared servers, as external configuration would. */
    public static class Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {
        @Override
        public void initialize(ConfigurableApplicationContext context) {
            TestPropertyValues.of(nodeProperties()).applyTo(context);
        }
    }
}
