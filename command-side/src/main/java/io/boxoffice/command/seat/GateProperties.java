package io.boxoffice.command.seat;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * {@code boxoffice.gate.*}: the Redis gate in front of the Seat aggregates.
 *
 * @param retryAfter after a Redis failure, how long reservations skip the gate (the aggregates still decide)
 */
@Validated
@ConfigurationProperties("boxoffice.gate")
public record GateProperties(@NotNull @DefaultValue("PT2S") Duration retryAfter) {
}
