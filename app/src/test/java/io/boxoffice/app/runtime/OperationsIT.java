package io.boxoffice.app.runtime;

import io.boxoffice.app.support.Api;
import io.boxoffice.app.support.ApplicationTest;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import redis.embedded.RedisServer;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What operators watch: health with PostgreSQL and Redis and reservation metrics for Prometheus, for ADMIN only;
 * the load balancer's probes (liveness, readiness) answer anyone, and say UP or DOWN and nothing else.
 */
class OperationsIT extends ApplicationTest {

    @Test
    void healthCoversPostgresAndRedisForOperators() {
        Api.Response health = api.get("/actuator/health", api.token("admin"));

        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body().at("/components/db/status").asText()).isEqualTo("UP");
        assertThat(health.body().at("/components/db/details/database").asText()).isEqualTo("PostgreSQL");
        assertThat(health.body().at("/components/redis/status").asText()).isEqualTo("UP");
    }

    @Test
    void theLoadBalancersProbesTellAnyoneOnlyWhetherTheNodeIsUp() {
        for (String path : List.of("/actuator/health/liveness", "/actuator/health/readiness")) {
            for (String token : new String[]{null, api.token("probing-fan")}) {
                Api.Response probe = api.get(path, token);
                assertThat(probe.status()).as(path).isEqualTo(200);
                assertThat(probe.text("status")).as(path).isEqualTo("UP");
                assertThat(probe.body().has("components")).as("%s: %s", path, probe.body()).isFalse();
                assertThat(probe.body().toString()).as(path).doesNotContain("details", "PostgreSQL", "keys", "disk");
            }
        }
    }

    @Test
    void healthDetailsMetricsAndPrometheusNeedAnOperator() {
        for (String path : List.of("/actuator/health", "/actuator/metrics", "/actuator/prometheus", "/actuator/info",
                "/actuator/health/db", "/actuator/metrics/jvm.memory.used")) {
            assertThat(api.get(path, null).status()).as("anonymous %s", path).isEqualTo(401);
            assertThat(api.get(path, api.token("curious-fan")).status()).as("a fan: %s", path).isEqualTo(403);
        }
        assertThat(api.get("/actuator/metrics", api.token("admin")).status()).isEqualTo(200);
    }

    @Test
    void withExternalServersConfiguredNothingEmbeddedStarts() {
        assertThat(context.getBeanProvider(EmbeddedPostgres.class).getIfAvailable()).isNull();
        assertThat(context.getBeanProvider(RedisServer.class).getIfAvailable()).isNull();
    }

    @Test
    void prometheusCountsReservationsByOutcome() {
        String eventId = api.eventWithSeats(1);
        String operator = api.token("admin");
        String before = api.text("/actuator/prometheus", operator);
        double held = counted(before, "held");
        double refused = counted(before, "refused_by_gate") + counted(before, "refused_by_aggregate");
        api.reserve(api.token("metrics-winner"), eventId, List.of("A-1-1"));
        api.reserve(api.token("metrics-loser"), eventId, List.of("A-1-1"));

        String scrape = api.text("/actuator/prometheus", operator);

        assertThat(counted(scrape, "held")).as("the winner's hold").isEqualTo(held + 1);
        assertThat(counted(scrape, "refused_by_gate") + counted(scrape, "refused_by_aggregate"))
                .as("the loser, turned away by the gate (or by the seat, had Redis just been away)")
                .isEqualTo(refused + 1);
        assertThat(scrape)
                .contains("boxoffice_commands_conflicts_retried_total")
                .contains("boxoffice_reservations_latency_seconds_bucket")
                .contains("boxoffice_gate_bypassed_total");
    }

    /** The value of {@code boxoffice_reservations_total} for one outcome in a Prometheus scrape. */
    private static double counted(String scrape, String outcome) {
        String series = "boxoffice_reservations_total{application=\"boxoffice\",outcome=\"" + outcome + "\"} ";
        return scrape.lines().filter(line -> line.startsWith(series)).mapToDouble(line -> Double.parseDouble(
                line.substring(series.length()))).findFirst().orElseThrow();
    }
}
