package io.boxoffice.app.limits;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.boxoffice.app.web.Problems;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.redisson.Bucket4jRedisson;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/**
 * Token buckets (Bucket4j) in Redis, shared by every node: a key (an account, a client address) that spends its
 * bucket is answered 429 {@code /problems/rate-limited} with {@code Retry-After} until it refills.
 * <p>
 * Redis is a gate here too, never a reason to refuse: while it fails, each node counts in its own memory for
 * {@code boxoffice.rate-limit.redis-retry-after} before it tries Redis again, so limits stay in force per node.
 */
@Component
public class RateLimits {

    private static final Logger log = LoggerFactory.getLogger(RateLimits.class);

    /** What is limited, and for whom: each has its rate under {@code boxoffice.rate-limit.limits.<name>}. */
    public enum Limit {
        SIGN_IN_PER_ACCOUNT, SIGN_IN_PER_ADDRESS, SIGN_UP_PER_ADDRESS, REFRESH_PER_ACCOUNT, REFRESH_PER_ADDRESS,
        JOIN_PER_ACCOUNT, JOIN_PER_ADDRESS, RESERVE_PER_ACCOUNT, RESERVE_PER_ADDRESS;

        String property() {
            return name().toLowerCase().replace('_', '-');
        }
    }

    private final boolean enabled;
    private final Duration redisRetryAfter;
    private final Clock clock;
    private final Map<Limit, BucketConfiguration> configurations = new EnumMap<>(Limit.class);
    private final ProxyManager<String> shared;
    private final Cache<String, Bucket> local;
    private volatile Instant redisClosedUntil = Instant.MIN;

    public RateLimits(RateLimitProperties properties, RedissonClient redisson, Clock clock) {
        this.enabled = properties.enabled();
        this.redisRetryAfter = properties.redisRetryAfter();
        this.clock = clock;
        Duration longest = Duration.ZERO;
        for (Limit limit : Limit.values()) {
            RateLimitProperties.Rate rate = properties.limits().get(limit.property());
            if (rate == null) {
                throw new IllegalStateException("boxoffice.rate-limit.limits." + limit.property() + " is not set");
            }
            configurations.put(limit, BucketConfiguration.builder()
                    .addLimit(bandwidth -> bandwidth.capacity(rate.capacity())
                            .refillGreedy(rate.capacity(), rate.period()))
                    .build());
            longest = longest.compareTo(rate.period()) < 0 ? rate.period() : longest;
        }
        // a key's bucket leaves Redis once it would be full again: idle fans cost nothing
        this.shared = Bucket4jRedisson.casBasedBuilder(((Redisson) redisson).getCommandExecutor())
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(
                        Duration.ofSeconds(10)))
                .build();
        this.local = Caffeine.newBuilder().maximumSize(100_000).expireAfterAccess(longest).build();
    }

    /** Spends one request of {@code key}'s bucket for this limit, or refuses with 429. */
    public void check(Limit limit, String key) {
        if (!enabled || key == null) {
            return;
        }
        ConsumptionProbe probe = consume(limit, limit.property() + ":" + key);
        if (!probe.isConsumed()) {
            throw rateLimited(Duration.ofNanos(probe.getNanosToWaitForRefill()));
        }
    }

    private ConsumptionProbe consume(Limit limit, String key) {
        if (clock.instant().isAfter(redisClosedUntil)) {
            try {
                return shared.builder().build("ratelimit:" + key, () -> configurations.get(limit))
                        .tryConsumeAndReturnRemaining(1);
            } catch (RuntimeException redisAway) {
                redisClosedUntil = clock.instant().plus(redisRetryAfter);
                log.warn("Redis failed for rate limits ({}); each node counts alone for {}", redisAway.toString(),
                        redisRetryAfter);
            }
        }
        return local.get(key, k -> Bucket.builder().addLimit(configurations.get(limit).getBandwidths()[0]).build())
                .tryConsumeAndReturnRemaining(1);
    }

    static ErrorResponseException rateLimited(Duration wait) {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        ErrorResponseException refused = Problems.error(HttpStatus.TOO_MANY_REQUESTS, "rate-limited",
                "Too many requests", "too many requests of this kind; try again in " + seconds + " s");
        refused.getHeaders().set("Retry-After", Long.toString(seconds));
        refused.getBody().setProperty("retryAfterSeconds", seconds);
        return refused;
    }
}
