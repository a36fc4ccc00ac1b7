package io.boxoffice.query.seatupdates;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * {@code boxoffice.seat-updates.*}: the seat map's live updates.
 *
 * @param interval how often live seat changes are sent, per event
 */
@Validated
@ConfigurationProperties("boxoffice.seat-updates")
public record SeatUpdateProperties(@NotNull @DefaultValue("PT0.25S") Duration interval) {
}
