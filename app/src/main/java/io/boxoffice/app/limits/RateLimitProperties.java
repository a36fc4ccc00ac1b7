package io.boxoffice.app.limits;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;
import java.util.Map;

/**
 * {@code boxoffice.rate-limit.*}: per limit ({@code limits.<name>}), how many requests a key (an account or a
 * client address) may make, refilled evenly over {@code period}; the limits themselves are in application.properties.
 *
 * @param enabled         rate limits per account and address, shared by all nodes through Redis; false for benchmarks
 * @param redisRetryAfter while Redis fails, how long requests skip the limits before Redis is tried again
 * @param limits          each limit by name: capacity requests per period
 */
@Validated
@ConfigurationProperties("boxoffice.rate-limit")
public record RateLimitProperties(@DefaultValue("true") boolean enabled,
                                  @NotNull @DefaultValue("PT2S") Duration redisRetryAfter,
                                  Map<String, Rate> limits) {

    public RateLimitProperties {
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
