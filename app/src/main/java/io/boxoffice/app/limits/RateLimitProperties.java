package io.boxoffice.app.limits;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.Map;

/**
 * {@code boxoffice.rate-limit.*}: per limit ({@code limits.<name>}), how many requests a key (an account or a
 * client address) may make, refilled evenly over {@code period}. {@code enabled=false} switches them all off, for
 * benchmarks.
 */
@ConfigurationProperties("boxoffice.rate-limit")
public record RateLimitProperties(Boolean enabled, Duration redisRetryAfter, Map<String, Rate> limits) {

    public RateLimitProperties {
        enabled = enabled == null || enabled;
        redisRetryAfter = redisRetryAfter == null ? Duration.ofSeconds(2) : redisRetryAfter;
        limits = limits == null ? Map.of() : Map.copyOf(limits);
    }

    public record Rate(int capacity, Duration period) {

        public Rate {
            if (capacity < 1 || period == null || period.isNegative() || period.isZero()) {
                throw new IllegalArgumentException("a rate limit needs a positive capacity and period");
            }
        }
    }
}
