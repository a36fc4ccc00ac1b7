package io.boxoffice.app.runtime;

import org.redisson.api.RedissonClient;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/**
 * Reports Redis as the {@code redis} health component. DOWN here means slower reservations, not wrong ones:
 * the seat gate is bypassed while Redis is away.
 */
@Component("redis")
public class RedisHealthIndicator extends AbstractHealthIndicator {

    private final RedissonClient redisson;

    public RedisHealthIndicator(RedissonClient redisson) {
        super("Redis is not reachable");
        this.redisson = redisson;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        builder.up().withDetail("keys", redisson.getKeys().count());
    }
}
