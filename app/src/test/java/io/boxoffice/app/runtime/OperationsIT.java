package io.boxoffice.app.runtime;

import io.boxoffice.app.support.Api;
import io.boxoffice.app.support.ApplicationTest;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import redis.embedded.RedisServer;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What operators watch: health with PostgreSQL and Redis, and reservation metrics for Prometheus. */
class OperationsIT extends ApplicationTest {

    @Test
    void healthCoversPostgresAndRedis() {
        Api.Response health = api.get("/actuator/health", null);

        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body().at("/components/db/status").asText()).isEqualTo("UP");
        assertThat(health.body().at("/components/db/details/database").asText()).isEqualTo("PostgreSQL");
        assertThat(health.body().at("/components/redis/status").asText()).isEqualTo("UP");
    }

    @Test
    void withExternalServersConfiguredNothingEmbeddedStarts() {
        assertThat(context.getBeanProvider(EmbeddedPostgres.class).getIfAvailable()).isNull();
        assertThat(context.getBeanProvider(RedisServer.class).getIfAvailable()).isNull();
    }

    @Test
    void prometheusCountsReservationsByOutcome() {
        String eventId = api.eventWithSeats(1);
        api.reserve(api.token("metrics-winner"), eventId, List.of("A-1-1"));
        api.reserve(api.token("metrics-loser"), eventId, List.of("A-1-1"));

        String scrape = api.text("/actuator/prometheus");

        assertThat(scrape)
                .contains("boxoffice_reservations_total{application=\"boxoffice\",outcome=\"held\"}")
                .contains("boxoffice_reservations_total{application=\"boxoffice\",outcome=\"refused_by_gate\"}")
                .contains("boxoffice_reservations_total{application=\"boxoffice\",outcome=\"refused_by_aggregate\"}")
                .contains("boxoffice_reservations_conflicts_retried_total")
                .contains("boxoffice_reservations_latency_seconds_bucket")
                .contains("boxoffice_gate_bypassed_total");
    }
}
